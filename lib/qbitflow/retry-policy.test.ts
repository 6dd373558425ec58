import { describe, expect, it } from "vitest";
import { QBitFlowError } from "./errors";
import { backoffMs, mayRetry, parseRetryAfter, retryDelayMs } from "./retry-policy";
import { parseTimestamp } from "./wire-values";

const NOW = Date.parse("2026-10-01T12:00:00Z");
const error = (status: number, code: string, details: Record<string, unknown> | null = null) =>
  new QBitFlowError({ message: code, status, code, details });

describe("parseRetryAfter", () => {
  it.each([
    ["3", 3000],
    ["120", 120_000],
    [" 0 ", 0],
    ["Thu, 01 Oct 2026 12:00:30 GMT", 30_000],
    ["Thu, 01 Oct 2026 11:59:00 GMT", 0],
    ["soon", null],
    ["5 seconds", null],
    ["5s", null],
    ["1.5", null],
    // HTTP-dates start with a day name; Date.parse would read these anyway.
    ["01 Oct 2026 12:00:30 GMT", null],
    ["A 1 Oct 2026 12:00:30 GMT", null],
    ["-1", null],
    ["", null],
    [null, null],
  ])("%j → %j ms", (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe("retry rules", () => {
  it("backs off 1 s × 2^n", () => {
    expect([0, 1, 2, 3].map(backoffMs)).toEqual([1000, 2000, 4000, 8000]);
  });

  it.each([
    [0, "network_error", "read", true],
    [0, "timeout", "never", false],
    [500, "internal", "read", true],
    [429, "rate_limit_exceeded", "idempotentCreate", true],
    [409, "idempotency_key_in_use", "idempotentCreate", true],
    [409, "idempotency_key_in_use", "read", false],
    [409, "unique_violation", "idempotentCreate", false],
    [400, "idempotency_key_in_use", "idempotentCreate", false],
    [422, "idempotency_key_in_use", "idempotentCreate", false],
    [302, "unexpected_redirect", "read", false],
    [200, "invalid_response", "read", false],
  ] as const)("%i %s in %s mode → %s", (status, code, mode, expected) => {
    expect(mayRetry(error(status, code), mode)).toBe(expected);
  });

  it("takes the longest of back-off, Retry-After and details.retryAfterSeconds for a 429", () => {
    expect(retryDelayMs(error(429, "rate_limit_exceeded", { retryAfterSeconds: 9 }), 1, "4", NOW)).toBe(9000);
    expect(retryDelayMs(error(429, "rate_limit_exceeded"), 2, "1", NOW)).toBe(4000);
    expect(retryDelayMs(error(429, "rate_limit_exceeded"), 0, "30", NOW)).toBe(30_000);
    // details.retryAfterSeconds counts only as a finite number (JSON's 1e400 parses to Infinity).
    expect(
      retryDelayMs(error(429, "rate_limit_exceeded", { retryAfterSeconds: Infinity }), 0, null, NOW),
    ).toBe(1000);
    expect(retryDelayMs(error(429, "rate_limit_exceeded", { retryAfterSeconds: "9" }), 0, null, NOW)).toBe(
      1000,
    );
    // Retry-After only matters for 429.
    expect(retryDelayMs(error(503, "network_unavailable"), 0, "30", NOW)).toBe(1000);
  });
});

describe("parseTimestamp", () => {
  it.each([
    ["2026-10-01T14:30:00.999999+02:00", "2026-10-01T12:30:00.999Z"],
    ["2026-10-01T12:00:00Z", "2026-10-01T12:00:00.000Z"],
    ["2026-10-01t12:00:00.5-05:30", "2026-10-01T17:30:00.500Z"],
  ])("%s", (text, iso) => {
    expect(parseTimestamp(text)?.toISOString()).toBe(iso);
  });

  it.each(["0001-01-01T00:00:00Z", "0001-01-01T00:00:00+02:00"])("Go zero time %s is absent", (text) => {
    expect(parseTimestamp(text)).toBeNull();
  });

  it.each(["2026-10-01 12:00:00Z", "2026-10-01T12:00:00", "1790856000", "2026-13-45T99:00:00Z"])(
    "%s is not RFC 3339",
    (text) => {
      expect(parseTimestamp(text)).toBeUndefined();
    },
  );
});
