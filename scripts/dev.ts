// npm run dev — everything the storefront needs on a laptop, in one command:
// the database (embedded PGlite unless DATABASE_URL is set), migrated and seeded, and the app.
// Ctrl-C stops all of it.
import path from "node:path";
import nextEnv from "@next/env";
import { prepareDatabase } from "./stack/database";
import { BIN, exitCode, onShutdown, run } from "./stack/processes";

const root = path.resolve(import.meta.dirname, "..");
nextEnv.loadEnvConfig(root, true);

const log = (line: string) => console.log(`[dev] ${line}`);
const port = process.env.PORT ?? "3000";

const database = await prepareDatabase({
  externalUrl: process.env.DATABASE_URL,
  dataDir: path.join(root, ".data/pglite"),
  log,
}).catch((error: unknown) => {
  console.error(`[dev] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const env = {
  ...process.env,
  DATABASE_URL: database.url,
  APP_URL: process.env.APP_URL ?? `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
};
const app = run(path.join(BIN, "next"), ["dev", "--port", port], env);

log(
  `database: ${database.embedded ? `embedded PostgreSQL at ${database.url} (data in .data/pglite)` : "DATABASE_URL"}`,
);
log(`storefront: ${env.APP_URL}`);

onShutdown((signal) => {
  app.kill(signal);
});
const code = await exitCode(app);
await database.stop();
process.exit(code);
