// npm run dev — everything the storefront needs on a laptop, in one command: the database
// (embedded PGlite unless DATABASE_URL is set), migrated and seeded; the local QBitFlow sandbox
// (unless QBITFLOW_API_KEY is set); and the app. Ctrl-C stops all of it.
import path from "node:path";
import nextEnv from "@next/env";
import { prepareDatabase } from "./stack/database";
import { startMailbox, type Mailbox } from "./stack/mailbox";
import { BIN, exitCode, onShutdown, run } from "./stack/processes";
import { storeConfig } from "../lib/store-config";
import { sandboxSettingsFromEnv, startLocalQBitFlow, type LocalQBitFlow } from "./stack/qbitflow";

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

const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
let qbitflow: LocalQBitFlow | undefined;
if (!process.env.QBITFLOW_API_KEY) {
  // SANDBOX_PORT (default 4010, fixed: open orders keep links to it) and SANDBOX_TIME_SCALE; the
  // hosted page shows the store's name. The sandbox logs one line per payment event.
  qbitflow = await Promise.resolve()
    .then(() =>
      startLocalQBitFlow({
        ...sandboxSettingsFromEnv(process.env),
        appUrl,
        organizationName: storeConfig.name,
        stateFile: path.join(root, ".data/sandbox/state.json"),
        log: (line) => console.log(`[sandbox] ${line}`),
      }),
    )
    .catch(async (error: unknown) => {
      console.error(
        `[dev] the QBitFlow sandbox did not start: ${error instanceof Error ? error.message : String(error)}`,
      );
      await database.stop();
      process.exit(1);
    });
}

// The local mailbox catches every email (receipts, notices) unless SMTP_URL names a real server.
let mailbox: Mailbox | undefined;
if (!process.env.SMTP_URL) {
  const mailboxPort = Number(process.env.MAILBOX_PORT ?? 4020);
  mailbox = await startMailbox({ smtpPort: mailboxPort + 5, webPort: mailboxPort }).catch(
    (error: unknown) => {
      console.error(
        `[dev] the local mailbox did not start (MAILBOX_PORT=${mailboxPort} and ${mailboxPort + 5}): ${error}`,
      );
      return undefined;
    },
  );
}

const env = {
  ...process.env,
  ...qbitflow?.env,
  ...(mailbox
    ? { SMTP_URL: mailbox.smtpUrl, MERCHANT_EMAIL: process.env.MERCHANT_EMAIL ?? "merchant@shop.test" }
    : {}),
  DATABASE_URL: database.url,
  // PGlite's notifications do not cross connections: live updates go in-process there.
  LIVE_BUS: process.env.LIVE_BUS ?? (database.embedded ? "memory" : "postgres"),
  APP_URL: appUrl,
  NEXT_TELEMETRY_DISABLED: "1",
};
// The custom server: Next.js with Turbopack plus the live-status WebSocket on the same port.
const app = run(path.join(BIN, "tsx"), ["--tsconfig", "tsconfig.server.json", "server.ts", "--dev"], {
  ...env,
  PORT: port,
});

log(
  `database: ${database.embedded ? `embedded PostgreSQL at ${database.url} (data in .data/pglite)` : "DATABASE_URL"}`,
);
log(
  qbitflow
    ? `QBitFlow: local sandbox at ${qbitflow.sandbox.url} (dashboard; test key, webhooks to ${appUrl}/api/webhooks/qbitflow)`
    : `QBitFlow: ${process.env.QBITFLOW_API_URL ?? "https://api.qbitflow.app/v2"} with QBITFLOW_API_KEY`,
);
log(`mailbox: ${mailbox ? `${mailbox.url} (every email the app sends lands here)` : "SMTP_URL"}`);
log(`storefront: ${appUrl}`);

onShutdown((signal) => {
  app.kill(signal);
});
const code = await exitCode(app);
await qbitflow?.stop();
await mailbox?.stop();
await database.stop();
process.exit(code);
