// The Setup page's side of the going-live assistant: the same checks as `npm run qbitflow --
// doctor`, on the running app's own configuration and database pool, plus the Register action.
import "server-only";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { isAdminSession, SIGNED_OUT } from "@/lib/admin/session/session";
import type { FormResult } from "@/lib/form-result";
import { getEnv } from "@/lib/env";
import { createQBitFlowClient } from "@/lib/qbitflow/client";
import { createWebhooksApi } from "@/lib/qbitflow/webhooks-api";
import { pool } from "@/lib/sql";
import { lastSweepRun } from "@/lib/background";
import { readDatabaseState } from "./database-state";
import { runDoctor, type DoctorDeps } from "./doctor";
import { ensureWebhookEndpoint, RegisterRefused } from "./register-endpoint";
import { setupConfigFrom, type Check, type SetupConfig } from "./types";

function config(): SetupConfig {
  return setupConfigFrom(getEnv());
}

// The migrations this code ships with, where the files are deployed with it (a Node host); a
// serverless function may not have them, and then the check relies on the history table alone.
function shippedMigrations(): string[] | null {
  const dir = path.join(process.cwd(), "prisma", "migrations");
  if (!existsSync(dir)) return null;
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function dependencies(current: SetupConfig): DoctorDeps | null {
  if (!current.apiKey) return null;
  const options = { baseUrl: current.apiUrl, apiKey: current.apiKey, maxRetries: 0, timeoutMs: 8_000 };
  return {
    getMe: () => createQBitFlowClient(options).getMe(),
    webhooks: createWebhooksApi(options),
    database: () => readDatabaseState((text) => pool().query(text), shippedMigrations()),
  };
}

async function sweepCheck(minutes: number): Promise<Check> {
  const last = await lastSweepRun().catch(() => null);
  const when = last ? `last started ${last.toISOString()}` : "not run yet";
  const schedule = minutes
    ? `requests start it at most every ${minutes} minutes, and the cron daily`
    : "only the cron starts it (SWEEP_INTERVAL_MINUTES=0)";
  return { id: "sweep", title: "Reconciliation sweep", status: "ok", detail: `${when}; ${schedule}.` };
}

export async function runSetupChecks(): Promise<Check[]> {
  const current = config();
  const checks = await runDoctor(current, dependencies(current));
  return [...checks, await sweepCheck(current.sweepIntervalMinutes)];
}

export interface RegisteredEndpoint {
  url: string;
  /** Only when this action created it: QBitFlow shows a secret once. */
  secret?: string;
}

export async function registerEndpointForAdmin(
  session: string | undefined,
): Promise<FormResult<RegisteredEndpoint>> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  const current = config();
  const deps = dependencies(current);
  if (!deps) return { ok: false, message: "Set QBITFLOW_API_KEY first." };
  try {
    const me = await deps.getMe();
    const result = await ensureWebhookEndpoint(deps.webhooks, current.appUrl, me.test === false);
    if (!result.created) {
      return {
        ok: true,
        message: "This URL already has an endpoint: nothing registered.",
        data: { url: result.endpoint.url },
      };
    }
    return {
      ok: true,
      message: "Registered. Copy the secret now: QBitFlow shows it only once.",
      data: { url: result.endpoint.url, secret: result.endpoint.secret },
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: error instanceof RegisterRefused ? reason : `QBitFlow refused: ${reason}` };
  }
}
