// The admin's gate. Pages call requireAdmin(); actions and route handlers pass the cookie's
// value to isAdminSession() (so their logic is testable without a request scope). Without
// ADMIN_PASSWORD no session is valid: the admin is disabled.
import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getEnv } from "@/lib/env";
import type { FormResult } from "@/lib/form-result";
import { readCookie, SESSION_COOKIE, SESSION_TTL_MS, verifySession } from "./session-token";

export function adminEnabled(): boolean {
  return Boolean(getEnv().ADMIN_PASSWORD);
}

/** What an action answers when isAdminSession() says no; its form offers the login page. */
export const SIGNED_OUT: FormResult<never> = {
  ok: false,
  signedOut: true,
  message: "Your admin session has ended. Log in again.",
};

export function isAdminSession(token: string | undefined): boolean {
  const password = getEnv().ADMIN_PASSWORD;
  return password ? verifySession(token, password) : false;
}

export async function readSessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

/** For server components: sends anyone without a valid session to the login page. */
export async function requireAdmin(): Promise<void> {
  if (!isAdminSession(await readSessionToken())) redirect("/admin/login");
}

/** For route handlers, which get the raw request. */
export function requestIsAdmin(request: Request): boolean {
  return isAdminSession(readCookie(request.headers.get("cookie"), SESSION_COOKIE));
}

/** Only from a server action (cookies are read-only while rendering). */
export async function setSessionCookie(token: string): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: getEnv().APP_URL.startsWith("https://"),
    path: "/admin",
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, "", {
    httpOnly: true,
    sameSite: "strict",
    path: "/admin",
    maxAge: 0,
  });
}
