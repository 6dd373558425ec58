// How many rejected deliveries one source may have logged per minute. Over it, the route answers
// 429 and writes nothing: an unsigned flood costs a signature check, not a database row. Only
// rejections count, so QBitFlow's valid deliveries are never limited. In memory, per instance:
// the point is to keep the flood away from the database, so counting in it would defeat it.
// Pure (the clock is passed in), so it is unit-tested without a database.

export interface RejectionLimitPolicy {
  /** Rejections logged per source per window. */
  perWindow: number;
  windowMs: number;
  /** Sources remembered at once; past this, the oldest windows are forgotten. */
  maxSources: number;
}

export const REJECTION_LIMIT: RejectionLimitPolicy = { perWindow: 30, windowMs: 60_000, maxSources: 10_000 };

export type RejectionSlot = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RejectionLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly policy: RejectionLimitPolicy = REJECTION_LIMIT) {}

  take(source: string, now: number): RejectionSlot {
    const { perWindow, windowMs, maxSources } = this.policy;
    let window = this.windows.get(source);
    if (!window || now - window.start >= windowMs) {
      // Re-inserted, so the map's order stays oldest first for the eviction below.
      this.windows.delete(source);
      window = { start: now, count: 0 };
      this.windows.set(source, window);
      for (const oldest of this.windows.keys()) {
        if (this.windows.size <= maxSources) break;
        this.windows.delete(oldest);
      }
    }
    if (window.count >= perWindow) {
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)),
      };
    }
    window.count += 1;
    return { allowed: true };
  }
}
