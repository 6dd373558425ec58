import { describe, expect, it } from "vitest";
import { takeAttempt, tooManyAttemptsMessage, type LoginWindow } from "./login-window";

const policy = { maxAttempts: 5, windowMs: 15 * 60_000 };
const start = new Date("2026-11-28T12:00:00Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

function run(times: number, now = start): { window: LoginWindow | null; allowed: number } {
  let window: LoginWindow | null = null;
  let allowed = 0;
  for (let i = 0; i < times; i++) {
    const result = takeAttempt(window, now, policy);
    if (result.allowed) {
      window = result.next;
      allowed++;
    }
  }
  return { window, allowed };
}

describe("the login rate limit window", () => {
  it("allows 5 attempts in 15 minutes, then refuses with the time left", () => {
    const { window, allowed } = run(8);
    expect(allowed).toBe(5);
    expect(takeAttempt(window, at(3), policy)).toEqual({ allowed: false, retryAfterMs: 12 * 60_000 });
  });

  it("opens a new window once the old one ends", () => {
    const { window } = run(5);
    expect(takeAttempt(window, at(15), policy)).toEqual({
      allowed: true,
      next: { failures: 1, windowStart: at(15) },
    });
  });

  it("keeps the window's start as attempts add up", () => {
    const first = takeAttempt(null, start, policy);
    if (!first.allowed) throw new Error("first attempt refused");
    expect(takeAttempt(first.next, at(5), policy)).toEqual({
      allowed: true,
      next: { failures: 2, windowStart: start },
    });
  });

  it("says how long to wait, in whole minutes", () => {
    expect(tooManyAttemptsMessage(12 * 60_000)).toBe("Too many attempts. Try again in 12 minutes.");
    expect(tooManyAttemptsMessage(61_000)).toBe("Too many attempts. Try again in 2 minutes.");
    expect(tooManyAttemptsMessage(5_000)).toBe("Too many attempts. Try again in 1 minute.");
  });
});
