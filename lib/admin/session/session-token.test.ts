import { describe, expect, it } from "vitest";
import { passwordMatches, readCookie, SESSION_TTL_MS, signSession, verifySession } from "./session-token";

const password = "correct horse battery";
const now = Date.parse("2026-11-28T12:00:00Z");

describe("the admin session token", () => {
  it("verifies a fresh token signed with the same password", () => {
    expect(verifySession(signSession(password, now), password, now + 1000)).toBe(true);
  });

  it("expires after 12 hours", () => {
    const token = signSession(password, now);
    expect(verifySession(token, password, now + SESSION_TTL_MS - 1)).toBe(true);
    expect(verifySession(token, password, now + SESSION_TTL_MS)).toBe(false);
  });

  it("is void once the password changes", () => {
    expect(verifySession(signSession(password, now), "another password!", now)).toBe(false);
  });

  it("refuses a tampered payload or signature", () => {
    const token = signSession(password, now);
    const [payload, mac] = token.split(".") as [string, string];
    const later = Buffer.from(JSON.stringify({ v: 1, exp: now + 10 * SESSION_TTL_MS })).toString("base64url");
    expect(verifySession(`${later}.${mac}`, password, now)).toBe(false);
    const flipped = `${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`;
    expect(verifySession(`${payload}.${flipped}`, password, now)).toBe(false);
  });

  it.each([undefined, "", "abc", "a.b.c", ".", "x".repeat(600)])("refuses %j", (token) => {
    expect(verifySession(token, password, now)).toBe(false);
  });
});

describe("passwordMatches", () => {
  it("matches only the exact password", () => {
    expect(passwordMatches(password, password)).toBe(true);
    expect(passwordMatches(`${password} `, password)).toBe(false);
    expect(passwordMatches("", password)).toBe(false);
  });
});

describe("readCookie", () => {
  it("finds one cookie in a Cookie header", () => {
    expect(readCookie("a=1; admin_session=x.y; b=2", "admin_session")).toBe("x.y");
    expect(readCookie("xadmin_session=1", "admin_session")).toBeUndefined();
    expect(readCookie(null, "admin_session")).toBeUndefined();
  });
});
