// Vitest global setup for integration tests: a real database and a QBitFlow to talk to.
// `npm test` passes both in the environment; a bare `npx vitest run` gets throwaway ones
// (an embedded database, a sandbox in memory).
import type { Database } from "../stack/database";
import { prepareDatabase } from "../stack/database";
import { startMailbox, type Mailbox } from "../stack/mailbox";
import { startLocalQBitFlow, type LocalQBitFlow } from "../stack/qbitflow";
import { TEST_SANDBOX_OPTIONS } from "./sandbox-options";

let database: Database | undefined;
let qbitflow: LocalQBitFlow | undefined;
let mailbox: Mailbox | undefined;

export async function setup() {
  // Test workers start after this and inherit what is set here.
  if (!process.env.DATABASE_URL) {
    database = await prepareDatabase({ dataDir: "memory", log: () => {} });
    process.env.DATABASE_URL = database.url;
    process.env.LIVE_BUS = "memory"; // PGlite's notifications do not cross connections
  }
  if (!process.env.QBITFLOW_API_KEY) {
    qbitflow = await startLocalQBitFlow({
      ...TEST_SANDBOX_OPTIONS,
      appUrl: process.env.APP_URL ?? "http://localhost:3100",
    });
    Object.assign(process.env, qbitflow.env);
  }
  // Every email the tests cause lands in a local mailbox of their own (never a real SMTP_URL);
  // lib/test/mailbox.ts reads it.
  if (!process.env.MAILBOX_URL) {
    mailbox = await startMailbox();
    Object.assign(process.env, { SMTP_URL: mailbox.smtpUrl, MAILBOX_URL: mailbox.url });
    process.env.MERCHANT_EMAIL ??= "merchant@shop.test";
  }
}

export async function teardown() {
  await mailbox?.stop();
  await qbitflow?.stop();
  await database?.stop();
}
