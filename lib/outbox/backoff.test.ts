import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./backoff";

describe("retryDelayMs", () => {
  it("doubles per attempt, between half and all of the ceiling", () => {
    expect(retryDelayMs(1, { random: () => 0 })).toBe(5_000);
    expect(retryDelayMs(1, { random: () => 1 })).toBe(10_000);
    expect(retryDelayMs(4, { random: () => 0.5 })).toBe(60_000);
  });

  it("stops growing at the cap, however many attempts failed", () => {
    expect(retryDelayMs(500, { random: () => 1 })).toBe(3_600_000);
  });

  it("spreads jobs that failed together", () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(3)));
    expect(delays.size).toBeGreaterThan(10);
  });

  it("refuses an attempt count that is not a whole number from 1", () => {
    expect(() => retryDelayMs(0)).toThrow("attempts must be a whole number from 1, got 0");
    expect(() => retryDelayMs(1.5)).toThrow("got 1.5");
  });
});
