// When a failed job runs again: exponential (10 s, 20 s, 40 s … capped at an hour) with "equal
// jitter" (half fixed, half random), so jobs that failed together (SMTP down) do not all retry
// in the same second when it returns.

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
  random?: () => number;
}

/** The delay before attempt `attempts + 1`, after `attempts` failed ones (1 or more). */
export function retryDelayMs(attempts: number, options: BackoffOptions = {}): number {
  const { baseMs = 10_000, capMs = 60 * 60_000, random = Math.random } = options;
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new Error(`retryDelayMs: attempts must be a whole number from 1, got ${attempts}`);
  }
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempts - 1, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
