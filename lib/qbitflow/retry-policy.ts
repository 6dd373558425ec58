// The v2 retry contract (spec §1.7) as pure functions, so the rules can be read and tested apart
// from the HTTP plumbing in transport.ts.
import type { QBitFlowError } from "./errors";

/**
 * How a request may be retried:
 * - `read`: GETs, retried on transient failures;
 * - `idempotentCreate`: the creates that carry an Idempotency-Key; also retried on
 *   `409 idempotency_key_in_use` (our previous attempt is still running server-side);
 * - `never`: other writes such as `expire`. "A 504 may have done the work": read the state instead.
 */
export type RetryMode = "read" | "idempotentCreate" | "never";

/** A wait longer than this means "come back much later": give up now instead of blocking a request. */
export const MAX_RETRY_WAIT_MS = 60_000;
const BASE_DELAY_MS = 1_000;

/** Whether spec §1.7 allows another attempt after this failure. */
export function mayRetry(error: QBitFlowError, mode: RetryMode): boolean {
  if (mode === "never") return false;
  // Status 0 is a network error or our own timeout. 2xx (unusable body) and 3xx fall through.
  if (error.status === 0 || error.status >= 500 || error.status === 429) return true;
  return mode === "idempotentCreate" && error.status === 409 && error.code === "idempotency_key_in_use";
}

/** Exponential back-off: 1 s, 2 s, 4 s, … for retry 0, 1, 2, … */
export function backoffMs(retryIndex: number): number {
  return BASE_DELAY_MS * 2 ** retryIndex;
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP-date; null when absent or unusable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1_000;
  // Every HTTP-date form starts with a day name; without this, Date.parse would read "-1" as a year.
  if (!/^[A-Za-z]{3}/.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/**
 * How long to wait before retry number `retryIndex`. For a 429 that is at least what the server
 * asked for, from the `Retry-After` header or `details.retryAfterSeconds`, whichever is longer.
 */
export function retryDelayMs(
  error: QBitFlowError,
  retryIndex: number,
  retryAfterHeader: string | null,
  nowMs: number,
): number {
  const delay = backoffMs(retryIndex);
  if (error.status !== 429) return delay;
  const fromHeader = parseRetryAfter(retryAfterHeader, nowMs) ?? 0;
  const seconds = error.details?.retryAfterSeconds;
  const fromBody = typeof seconds === "number" && Number.isFinite(seconds) ? seconds * 1_000 : 0;
  return Math.max(delay, fromHeader, fromBody);
}
