// Issue 13, item 5: a rate limit per source on rejected webhook deliveries.
import { describe, expect, it } from "vitest";
import { RejectionLimiter } from "./rejection-limit";

describe("RejectionLimiter", () => {
  const policy = { perWindow: 3, windowMs: 60_000, maxSources: 2 };

  it("allows perWindow rejections per source, then says when to come back", () => {
    const limiter = new RejectionLimiter(policy);
    expect([0, 1, 2].map((ms) => limiter.take("a", ms).allowed)).toEqual([true, true, true]);
    expect(limiter.take("a", 20_000)).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(limiter.take("b", 20_000).allowed).toBe(true);
    expect(limiter.take("a", 60_000).allowed).toBe(true);
  });

  it("remembers at most maxSources sources, forgetting the oldest", () => {
    const limiter = new RejectionLimiter({ ...policy, perWindow: 1 });
    limiter.take("a", 0);
    limiter.take("b", 1);
    limiter.take("c", 2);
    expect(limiter.take("a", 3).allowed).toBe(true); // forgotten, so a fresh window
    expect(limiter.take("c", 4).allowed).toBe(false);
  });
});
