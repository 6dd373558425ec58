// Test or live? Asked of QBitFlow once (GET /me) when the server starts, so the storefront can
// show a visible "Test mode" badge: a test key moves testnet funds only.
import "server-only";
import { getEnv } from "@/lib/env";
import { createQBitFlowClient } from "./client";

export type AccountMode = "test" | "live" | "unknown";

let answer: Promise<AccountMode> | undefined;

/** Cached for the life of the process; a failed check is retried on a later call, a minute on. */
export function getAccountMode(): Promise<AccountMode> {
  answer ??= checkMode();
  return answer;
}

async function checkMode(): Promise<AccountMode> {
  const env = getEnv();
  if (!env.QBITFLOW_API_KEY) return "unknown";
  // Its own client: no retries and a short timeout, because a page render may be waiting.
  const client = createQBitFlowClient({
    baseUrl: env.QBITFLOW_API_URL,
    apiKey: env.QBITFLOW_API_KEY,
    maxRetries: 0,
    timeoutMs: 5_000,
  });
  try {
    const me = await client.getMe();
    return me.test === true ? "test" : me.test === false ? "live" : "unknown";
  } catch (error) {
    console.error(
      `[qbitflow] GET /me failed, mode unknown for now: ${error instanceof Error ? error.message : error}`,
    );
    setTimeout(() => (answer = undefined), 60_000).unref();
    return "unknown";
  }
}
