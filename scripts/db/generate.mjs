// Runs `prisma generate` without letting the CLI download its schema engine first.
// Generating the client never runs that engine (the client uses a wasm query compiler and the
// pg driver adapter), but the CLI fetches it anyway, from a host that offline machines cannot
// reach. Pointing PRISMA_SCHEMA_ENGINE_BINARY at a stub skips the download; on a machine with
// the internet this changes nothing else. Plain .mjs so it runs before dev dependencies exist.
//
// `--if-available` (postinstall): the CLI is a dev dependency, so a production install
// (`npm ci --omit=dev`) has none. That is fine: the client (lib/generated/prisma) is generated
// again by every `npm run build` and compiled into its output, so production never needs the CLI.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let cli;
try {
  cli = require.resolve("prisma/build/index.js");
} catch {
  if (process.argv.includes("--if-available")) {
    console.log(
      "[db:generate] Prisma CLI not installed (production install): skipped; `npm run build` generates the client.",
    );
    process.exit(0);
  }
  console.error(
    "[db:generate] The Prisma CLI (dev dependency `prisma`) is not installed: run `npm ci` first.",
  );
  process.exit(1);
}
const stub = process.platform === "win32" ? "cmd.exe" : "/bin/false";

const result = spawnSync(process.execPath, [cli, "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(result.status ?? 1);
