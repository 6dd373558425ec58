// Runs `prisma generate` without letting the CLI download its schema engine first.
// Generating the client never runs that engine (the client uses a wasm query compiler and the
// pg driver adapter), but the CLI fetches it anyway, from a host that offline machines cannot
// reach. Pointing PRISMA_SCHEMA_ENGINE_BINARY at a stub skips the download; on a machine with
// the internet this changes nothing else. Plain .mjs so it runs before dev dependencies exist.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
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
