// The login form's server side, apart from the 'use server' boundary: rate limit first, then
// the password in constant time. The caller sets the cookie and redirects.
import "server-only";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { invalidForm, type FormFailure } from "@/lib/form-result";
import { clearLoginAttempts, takeLoginAttempt } from "./login-limiter";
import { tooManyAttemptsMessage } from "./login-window";
import { passwordMatches, signSession } from "./session-token";

const loginForm = z.object({
  password: z.string().min(1, "Enter the admin password.").max(1000, "Wrong password."),
  next: z.string().optional(),
});

/** Where to go after logging in: only a page of the admin, never another site. */
export function safeNext(next: string | undefined): string {
  return next && /^\/admin(\/[\w\-/?=&%.]*)?$/.test(next) && !next.startsWith("/admin/login")
    ? next
    : "/admin/orders";
}

export type LoginResult = FormFailure | { ok: true; token: string; next: string };

export async function attemptLogin(formData: FormData, clientKey: string): Promise<LoginResult> {
  const password = getEnv().ADMIN_PASSWORD;
  if (!password) return { ok: false, message: "The admin is disabled: ADMIN_PASSWORD is not set." };

  const parsed = loginForm.safeParse({
    password: formData.get("password") ?? "",
    next: formData.get("next") ?? undefined,
  });
  if (!parsed.success) return invalidForm(parsed.error, "password");

  const limit = await takeLoginAttempt(clientKey);
  if (!limit.allowed) return { ok: false, message: tooManyAttemptsMessage(limit.retryAfterMs) };
  if (!passwordMatches(parsed.data.password, password)) {
    return { ok: false, message: "Wrong password.", fieldErrors: { password: ["Wrong password."] } };
  }
  await clearLoginAttempts(clientKey);
  return { ok: true, token: signSession(password), next: safeNext(parsed.data.next) };
}
