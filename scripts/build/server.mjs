// Compiles what production runs outside Next's own output, so `npm start` is plain `node` with
// only the runtime dependencies (tsx and esbuild are dev dependencies, gone after
// `npm prune --omit=dev`):
//   server.ts                  → dist/server.mjs   (the custom server: Next.js + /api/live)
//   scripts/db/migrate-cli.ts  → dist/migrate.mjs  (`npm run db:deploy`, migrations on the host)
// Our own code is bundled (the `@/` paths, the generated Prisma client); packages stay imports
// of node_modules. Plain .mjs: run by `npm run build`, after `next build`.
import { build } from "esbuild";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

const common = {
  absWorkingDir: root,
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // tsconfig.server.json maps `@/…` to the project and `server-only` to an empty module: this
  // process is the server, the guard is for client bundles.
  tsconfig: "tsconfig.server.json",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
};

// Both import only runtime dependencies (Next.js, React, pg, ws, Prisma's runtime, @next/env for
// the migrator's .env files): left as imports of node_modules.
await build({ ...common, entryPoints: { server: "server.ts", migrate: "scripts/db/migrate-cli.ts" } });
console.log("[build] dist/server.mjs and dist/migrate.mjs");
