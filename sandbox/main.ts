/**
 * CLI entry: `npm run sandbox` (tsx sandbox/main.ts). The only sandbox file that reads
 * process.env; the sandbox is a separate program from the app, which has its own env module.
 */
import { resolve } from "node:path";
import {
  SANDBOX_DEFAULT_API_KEY,
  SANDBOX_DEFAULT_PORT,
  SANDBOX_DEFAULT_STATE_FILE,
  SANDBOX_DEFAULT_WEBHOOK_SECRET,
} from "./defaults";
import { startSandbox } from "./server";

function numberEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
  return value;
}

function optionalNumberEnv(name: string): number | undefined {
  const raw = process.env[name];
  return raw === undefined || raw.trim() === "" ? undefined : numberEnv(name, 0);
}

async function main(): Promise<void> {
  const env = process.env;
  const stateFile =
    env.SANDBOX_STATE_FILE === "none" ? null : resolve(env.SANDBOX_STATE_FILE || SANDBOX_DEFAULT_STATE_FILE);
  const webhookUrl = env.SANDBOX_WEBHOOK_URL?.trim();
  const webhookSecret = env.SANDBOX_WEBHOOK_SECRET?.trim() || SANDBOX_DEFAULT_WEBHOOK_SECRET;
  const scheduleRaw = env.SANDBOX_RETRY_SCHEDULE_MS?.trim();
  const sandbox = await startSandbox({
    port: numberEnv("SANDBOX_PORT", SANDBOX_DEFAULT_PORT),
    host: env.SANDBOX_HOST || undefined,
    stateFile,
    timeScale: numberEnv("SANDBOX_TIME_SCALE", 1),
    confirmationDelayMs: optionalNumberEnv("SANDBOX_CONFIRMATION_DELAY_MS"),
    defaultExpiresInMinutes: optionalNumberEnv("SANDBOX_DEFAULT_EXPIRES_IN_MINUTES"),
    deliveryTimeoutMs: optionalNumberEnv("SANDBOX_DELIVERY_TIMEOUT_MS"),
    retryScheduleMs: scheduleRaw ? scheduleRaw.split(",").map((part) => Number(part.trim())) : undefined,
    apiKey: env.SANDBOX_API_KEY || SANDBOX_DEFAULT_API_KEY,
    publicUrl: env.SANDBOX_PUBLIC_URL || undefined,
    organizationName: env.SANDBOX_ORGANIZATION_NAME || undefined,
    webhookEndpoints: webhookUrl ? [{ url: webhookUrl, secret: webhookSecret }] : [],
    log: env.SANDBOX_QUIET === "1" ? undefined : (line) => console.log(`[sandbox] ${line}`),
    logRequests: env.SANDBOX_LOG_REQUESTS === "1",
  });

  const lines = [
    `QBitFlow sandbox listening on ${sandbox.url}`,
    `  API base URL     ${sandbox.url}/v2`,
    `  API key (test)   ${sandbox.apiKey}`,
    webhookUrl
      ? `  Webhook endpoint ${webhookUrl}`
      : "  Webhook endpoint none (set SANDBOX_WEBHOOK_URL, or POST /v2/webhooks/endpoints)",
    webhookUrl ? `  Webhook secret   ${webhookSecret}` : "",
    `  Dashboard        ${sandbox.url}/`,
    `  State file       ${stateFile ?? "in memory"}`,
  ].filter(Boolean);
  console.log(lines.join("\n"));

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`[sandbox] ${signal}: saving state and stopping`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  // A sentence, not a stack trace: these are configuration problems the developer can fix.
  const busy = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
  const message = busy
    ? `port ${process.env.SANDBOX_PORT?.trim() || SANDBOX_DEFAULT_PORT} is taken by another program (another sandbox or \`npm run dev\`?). Stop it, or pick another port with SANDBOX_PORT.`
    : error instanceof Error
      ? error.message
      : String(error);
  console.error(`[sandbox] failed to start: ${message}`);
  process.exit(1);
});
