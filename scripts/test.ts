// npm test — every check, in the order that fails fastest: lint, formatting, types, unit and
// integration tests (against a real database: DATABASE_URL, or a fresh embedded one), then the
// production build and the Playwright tests against it. Ends with one "N passed, N failed" line.
// TEST_BROWSER=0 stops after the build: CI runs the browser suite in one pass only (.ci/run).
import { rmSync } from "node:fs";
import path from "node:path";
import { prepareDatabase } from "./stack/database";
import { BIN, runToEnd } from "./stack/processes";
import { startMailbox } from "./stack/mailbox";
import { startLocalQBitFlow } from "./stack/qbitflow";
import { TEST_SANDBOX_OPTIONS } from "./test/sandbox-options";
import { readCounts, type Counts } from "./test/counts";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const log = (line: string) => console.log(`\n[test] ${line}`);
const e2ePort = process.env.E2E_PORT ?? "3100";
const browserTests = process.env.TEST_BROWSER !== "0";
const appUrl = `http://localhost:${e2ePort}`;
const env = {
  ...process.env,
  E2E_PORT: e2ePort,
  APP_URL: appUrl,
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
};

async function step(
  name: string,
  command: string,
  args: string[],
  stepEnv: NodeJS.ProcessEnv = env,
): Promise<void> {
  log(name);
  const code = await runToEnd(path.join(BIN, command), args, stepEnv);
  if (code !== 0) throw new Error(`${name} failed (exit code ${code})`);
}

// Reports left by an earlier run must not be counted as this run's.
rmSync("test-results", { recursive: true, force: true });

const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
let failure: Error | undefined;

try {
  await step("lint", "eslint", ["--max-warnings", "0", "."]);
  await step("format", "prettier", ["--check", "."]);
  await step("typecheck", "tsc", ["--noEmit"]);

  log(process.env.DATABASE_URL ? "database: DATABASE_URL" : "database: fresh embedded PostgreSQL (PGlite)");
  const database = await prepareDatabase({
    externalUrl: process.env.DATABASE_URL,
    dataDir: "memory",
    log: console.log,
  });
  // The tests drive the local sandbox; a real key in the environment is never used. Vitest's
  // setup starts a sandbox of its own, so faults injected there cannot leak into the browser tests.
  const qbitflow = await startLocalQBitFlow({ ...TEST_SANDBOX_OPTIONS, appUrl });
  log(`QBitFlow: local sandbox at ${qbitflow.sandbox.url} for the browser tests`);
  const dbEnv = {
    ...withoutQBitFlow(env),
    DATABASE_URL: database.url,
    // PGlite's notifications do not cross connections: in-process live updates there.
    LIVE_BUS: process.env.DATABASE_URL ? "postgres" : "memory",
  };
  const mailbox = await startMailbox(); // the browser tests read the receipts the app sends here
  const e2eEnv = { ...dbEnv, ...qbitflow.env, SMTP_URL: mailbox.smtpUrl, MAILBOX_URL: mailbox.url };
  try {
    try {
      await step(
        "unit and integration tests",
        "vitest",
        ["run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"],
        dbEnv,
      );
    } finally {
      add(readCounts("test-results/vitest.json"));
    }
    await step("production build", "next", ["build"], e2eEnv);
    if (browserTests) {
      try {
        await step("end-to-end tests", "playwright", ["test"], e2eEnv);
      } finally {
        add(readCounts("test-results/e2e.json"));
      }
    } else {
      log("end-to-end tests: skipped (TEST_BROWSER=0)");
    }
  } finally {
    await mailbox.stop();
    await qbitflow.stop();
    await database.stop();
  }
} catch (error) {
  failure = error instanceof Error ? error : new Error(String(error));
}

function withoutQBitFlow(source: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const {
    QBITFLOW_API_KEY: _key,
    QBITFLOW_API_URL: _url,
    QBITFLOW_WEBHOOK_SECRET: _secret,
    ...rest
  } = source;
  return rest;
}

function add(counts: Counts | undefined) {
  if (!counts) return;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
}

console.log("");
if (failure) console.log(`[test] ${failure.message}`);
if (failure && totals.failed === 0) totals.failed = 1; // a failed step is a failure even without a test
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failure ? 1 : 0);
