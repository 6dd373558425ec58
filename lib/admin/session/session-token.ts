// The admin session: a cookie holding an expiry and an HMAC-SHA256 over it. The key is derived
// from ADMIN_PASSWORD, so changing the password ends every session, and there is no session
// table to keep. Pure (node:crypto only), so it is unit-tested directly.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "admin_session";
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

function sessionKey(password: string): Buffer {
  return createHash("sha256").update(`qbitflow-starter admin session\0${password}`).digest();
}

function mac(payload: string, password: string): string {
  return createHmac("sha256", sessionKey(password)).update(payload).digest("base64url");
}

/** A token valid until `now + ttlMs`: `<base64url payload>.<base64url mac>`. */
export function signSession(password: string, now = Date.now(), ttlMs = SESSION_TTL_MS): string {
  const payload = Buffer.from(JSON.stringify({ v: 1, exp: now + ttlMs })).toString("base64url");
  return `${payload}.${mac(payload, password)}`;
}

/** True only for an untampered token signed with this password that has not expired. */
export function verifySession(token: string | undefined, password: string, now = Date.now()): boolean {
  if (!token || token.length > 512) return false;
  const [payload, given, ...rest] = token.split(".");
  if (!payload || !given || rest.length) return false;
  const expected = Buffer.from(mac(payload, password));
  const received = Buffer.from(given);
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) return false;
  try {
    const { v, exp } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<
      string,
      unknown
    >;
    return v === 1 && typeof exp === "number" && exp > now;
  } catch {
    return false;
  }
}

/** Compares a typed password with the configured one in constant time (both sides hashed). */
export function passwordMatches(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** One cookie's value from a Cookie header (route handlers get the raw request). */
export function readCookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}
