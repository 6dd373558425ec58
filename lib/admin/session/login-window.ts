// The login rate limit's arithmetic: a fixed window per client address. Every attempt takes a
// slot before the password is checked (so parallel guesses cannot all slip through), and a
// successful login clears the window. Pure; the database side is login-limiter.ts.

export interface LoginWindow {
  failures: number;
  windowStart: Date;
}

export interface LoginPolicy {
  maxAttempts: number;
  windowMs: number;
}

export const LOGIN_POLICY: LoginPolicy = { maxAttempts: 5, windowMs: 15 * 60_000 };

export type TakeResult = { allowed: true; next: LoginWindow } | { allowed: false; retryAfterMs: number };

export function takeAttempt(
  current: LoginWindow | null,
  now: Date,
  policy: LoginPolicy = LOGIN_POLICY,
): TakeResult {
  const windowEnd = current ? current.windowStart.getTime() + policy.windowMs : 0;
  if (!current || windowEnd <= now.getTime())
    return { allowed: true, next: { failures: 1, windowStart: now } };
  if (current.failures >= policy.maxAttempts) {
    return { allowed: false, retryAfterMs: windowEnd - now.getTime() };
  }
  return { allowed: true, next: { failures: current.failures + 1, windowStart: current.windowStart } };
}

export function tooManyAttemptsMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
