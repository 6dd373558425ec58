// Next's after(), loaded when first called rather than with the module that uses it. The custom
// server (server.ts) loads the background runner before Next has set up its request storage, and
// next/server cannot load then ("AsyncLocalStorage accessed in runtime where it is not available");
// the bundled dist/server.mjs hoists every static import above `import next`, so even a late
// dynamic import of a module that imports next/server statically fails there.
import "server-only";
import type * as NextServer from "next/server";

/** Runs `task` after the current request's response is sent (next/server's after()). */
export function afterResponse(task: () => Promise<unknown>): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("next/server") as typeof NextServer).after(task);
}
