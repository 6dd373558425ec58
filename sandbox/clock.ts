/**
 * Time for the sandbox. Every sandbox duration (expiry, confirmation, retries, rotation overlap,
 * idempotency TTL) goes through `scale()`, so a small time scale makes a 3-day retry schedule
 * run in seconds. Timestamps themselves stay real wall-clock time, so that `expiresAt` matches
 * the countdown a browser shows and signature timestamps pass a receiver's 300 s check.
 */

// setTimeout overflows above 2^31-1 ms; longer waits are re-armed in steps.
const MAX_TIMEOUT_MS = 2_147_483_647;

export class Clock {
  constructor(
    readonly timeScale: number,
    private readonly nowFn: () => number = Date.now,
  ) {
    if (!(timeScale > 0) || !Number.isFinite(timeScale)) {
      throw new Error(`timeScale must be a positive number, got ${timeScale}`);
    }
  }

  now(): number {
    return this.nowFn();
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  /** Converts a sandbox duration to real milliseconds. */
  scale(ms: number): number {
    return ms * this.timeScale;
  }
}

/** Named one-shot timers; setting a key again replaces its timer, so re-arming is idempotent. */
export class Timers {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private closed = false;

  at(key: string, atMs: number, fn: () => void, now: () => number = Date.now): void {
    this.clear(key);
    if (this.closed) return;
    const wait = Math.max(0, atMs - now());
    const timer = setTimeout(
      () => {
        this.timers.delete(key);
        if (wait > MAX_TIMEOUT_MS) this.at(key, atMs, fn, now);
        else fn();
      },
      Math.min(wait, MAX_TIMEOUT_MS),
    );
    this.timers.set(key, timer);
  }

  after(key: string, delayMs: number, fn: () => void): void {
    this.at(key, Date.now() + delayMs, fn);
  }

  has(key: string): boolean {
    return this.timers.has(key);
  }

  clear(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  /** Resolves after `ms`, unless the timers are closed first (then it never resolves early). */
  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    const key = `sleep:${crypto.randomUUID()}`;
    return new Promise((resolve) => this.after(key, ms, resolve));
  }

  closeAll(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
