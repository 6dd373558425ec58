// npm run qbitflow -- setup | doctor   (the going-live assistant; docs/deploy.md)
//
//   setup   checks the key (GET /me), registers the webhook endpoint for APP_URL if it is missing
//           (idempotent by URL) and prints its signing secret, once, for QBITFLOW_WEBHOOK_SECRET.
//   doctor  everything that would stop payments, in plain sentences; exit 1 if anything fails.
//
// Reads the same variables as the app, from the environment and .env/.env.local (like Next.js),
// e.g. `APP_URL=https://shop.example.com QBITFLOW_API_KEY=sk_… npm run qbitflow -- setup`.
import nextEnv from "@next/env";
import pg from "pg";
import { EnvError, parseEnvLeniently, type LenientEnv } from "../../lib/env";
import { createQBitFlowClient } from "../../lib/qbitflow/client";
import { createWebhooksApi } from "../../lib/qbitflow/webhooks-api";
import { readDatabaseState } from "../../lib/admin/setup/database-state";
import { runDoctor, type DoctorDeps } from "../../lib/admin/setup/doctor";
import { ensureWebhookEndpoint, RegisterRefused } from "../../lib/admin/setup/register-endpoint";
import { setupConfigFrom, type Check } from "../../lib/admin/setup/types";
import { readMigrations } from "../db/migrate";

const USAGE = "usage: npm run qbitflow -- setup | doctor";
const MARK = { ok: "✓", warn: "!", fail: "✗" } as const;

function dependencies(env: LenientEnv): DoctorDeps | null {
  if (!env.QBITFLOW_API_KEY) return null;
  const options = {
    baseUrl: env.QBITFLOW_API_URL,
    apiKey: env.QBITFLOW_API_KEY,
    maxRetries: 1,
    timeoutMs: 15_000,
  };
  return {
    getMe: () => createQBitFlowClient(options).getMe(),
    webhooks: createWebhooksApi(options),
    database: async () => {
      if (!env.DATABASE_URL) return { reachable: false, error: "DATABASE_URL is not set" };
      const client = new pg.Client({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: 5_000 });
      try {
        await client.connect();
        const expected = readMigrations().map((migration) => migration.name);
        return await readDatabaseState((text) => client.query(text), expected);
      } catch (error) {
        return { reachable: false, error: error instanceof Error ? error.message : String(error) };
      } finally {
        await client.end().catch(() => {});
      }
    },
  };
}

export function printChecks(checks: Check[], log: (line: string) => void = console.log): boolean {
  for (const check of checks) {
    log(`${MARK[check.status]} ${check.title}: ${check.detail}`);
    if (check.fix && check.status !== "ok") log(`    → ${check.fix}`);
  }
  const failures = checks.filter((check) => check.status === "fail").length;
  log(failures ? `\n${failures} problem(s) would stop payments.` : "\nNothing stops payments.");
  return failures === 0;
}

async function setup(env: LenientEnv): Promise<number> {
  const deps = dependencies(env);
  if (!deps) {
    console.error("QBITFLOW_API_KEY is not set: create a key in QBitFlow's dashboard (API keys) and set it.");
    return 1;
  }
  const me = await deps.getMe();
  const mode = me.test === false ? "live" : "test";
  console.log(`✓ Key accepted: ${mode} key, organization ${me.organizationName ?? "(unnamed)"}.`);
  const result = await ensureWebhookEndpoint(deps.webhooks, env.APP_URL, me.test === false);
  if (!result.created) {
    const state = result.endpoint.disabledAt
      ? `disabled (${result.endpoint.disabledReason ?? "no reason given"})`
      : "enabled";
    console.log(
      `✓ A webhook endpoint for ${result.endpoint.url} already exists (${state}); nothing registered.`,
    );
    console.log("  Its secret was shown when it was created. Lost it? Rotate it in QBitFlow's dashboard.");
  } else {
    console.log(`✓ Registered the webhook endpoint ${result.endpoint.url}.`);
    console.log("\n  Its signing secret, shown this once. Set it where the shop runs (Vercel: Settings →");
    console.log("  Environment Variables), then redeploy or restart:\n");
    console.log(`  QBITFLOW_WEBHOOK_SECRET=${result.endpoint.secret}\n`);
  }
  console.log("Next: npm run qbitflow -- doctor");
  return 0;
}

async function main(): Promise<number> {
  const command = process.argv[2];
  if (command !== "setup" && command !== "doctor") {
    console.error(USAGE);
    return 2;
  }
  nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
  let env: LenientEnv;
  try {
    env = parseEnvLeniently(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    return 1;
  }
  try {
    if (command === "setup") return await setup(env);
    return printChecks(await runDoctor(setupConfigFrom(env), dependencies(env))) ? 0 : 1;
  } catch (error) {
    if (error instanceof RegisterRefused) console.error(`✗ ${error.message}`);
    else console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exit(await main());
