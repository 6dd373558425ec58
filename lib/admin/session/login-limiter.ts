// The login rate limit, kept in the database so every app instance counts the same attempts.
import "server-only";
import { db } from "@/lib/db";
import { LOGIN_POLICY, takeAttempt, type LoginPolicy } from "./login-window";

export type LimitResult = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Takes one attempt's slot for this client before its password is checked. */
export async function takeLoginAttempt(
  key: string,
  now = new Date(),
  policy: LoginPolicy = LOGIN_POLICY,
): Promise<LimitResult> {
  return db.$transaction(async (tx) => {
    // Make sure the row exists, then lock it: concurrent attempts from one client queue here.
    await tx.$executeRaw`
      INSERT INTO "AdminLoginAttempt" ("key", "failures", "windowStart") VALUES (${key}, 0, ${now})
      ON CONFLICT ("key") DO NOTHING`;
    const [current] = await tx.$queryRaw<{ failures: number; windowStart: Date }[]>`
      SELECT "failures", "windowStart" FROM "AdminLoginAttempt" WHERE "key" = ${key} FOR UPDATE`;
    const result = takeAttempt(current ?? null, now, policy);
    if (!result.allowed) return result;
    await tx.adminLoginAttempt.update({ where: { key }, data: result.next });
    // Old windows of other clients are of no use: drop them while we are here.
    await tx.adminLoginAttempt.deleteMany({
      where: { windowStart: { lt: new Date(now.getTime() - policy.windowMs) } },
    });
    return { allowed: true };
  });
}

/** A successful login starts the client's count again. */
export async function clearLoginAttempts(key: string): Promise<void> {
  await db.adminLoginAttempt.deleteMany({ where: { key } });
}
