// The going-live assistant's vocabulary, shared by the CLI (`npm run qbitflow -- doctor`) and the
// admin's Setup page, which show the same checks.

export type CheckStatus = "ok" | "warn" | "fail";

export interface Check {
  id: string;
  title: string;
  status: CheckStatus;
  /** What we found, in plain sentences a merchant understands. */
  detail: string;
  /** What to do about it, when something is to be done. */
  fix?: string;
}

/** What the checks read: the configuration as the server sees it (or as the CLI found it). */
export interface SetupConfig {
  appUrl: string;
  apiUrl: string;
  apiKey?: string;
  webhookSecrets?: string[];
  cronSecret?: string;
  adminPassword?: string;
  sweepIntervalMinutes: number;
}

/** The configuration's part the checks read, from either parse of the environment. */
export function setupConfigFrom(env: {
  APP_URL: string;
  QBITFLOW_API_URL: string;
  QBITFLOW_API_KEY?: string;
  QBITFLOW_WEBHOOK_SECRET?: string[];
  CRON_SECRET?: string;
  ADMIN_PASSWORD?: string;
  SWEEP_INTERVAL_MINUTES: number;
}): SetupConfig {
  return {
    appUrl: env.APP_URL,
    apiUrl: env.QBITFLOW_API_URL,
    apiKey: env.QBITFLOW_API_KEY,
    webhookSecrets: env.QBITFLOW_WEBHOOK_SECRET,
    cronSecret: env.CRON_SECRET,
    adminPassword: env.ADMIN_PASSWORD,
    sweepIntervalMinutes: env.SWEEP_INTERVAL_MINUTES,
  };
}

export type DatabaseState =
  | { reachable: false; error: string }
  | { reachable: true; applied: string[]; unfinished: string[]; expected: string[] | null };

export const webhookUrlOf = (appUrl: string) => `${appUrl}/api/webhooks/qbitflow`;
