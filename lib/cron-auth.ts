// Checks `Authorization: Bearer <CRON_SECRET>` (what Vercel Cron sends) in constant time.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

export function hasCronSecret(request: Request, secret: string): boolean {
  const header = request.headers.get("authorization") ?? "";
  const given = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  // Hash both sides so the comparison takes the same time whatever the lengths.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return given.length > 0 && timingSafeEqual(digest(given), digest(secret));
}
