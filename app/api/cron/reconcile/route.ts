// GET /api/cron/reconcile: the scheduled background run (lib/background: the reconciliation
// sweep, the delivery log's pruning, the outbox's catch-up). vercel.json runs it daily (the most
// Vercel's Hobby plan allows; Pro can run it every 5 minutes, docs/deploy.md); requests start the
// sweep in between, and this run counts as theirs.
import { runScheduled } from "@/lib/background";
import { hasCronSecret } from "@/lib/cron-auth";
import { getEnv } from "@/lib/env";

export async function GET(request: Request): Promise<Response> {
  const secret = getEnv().CRON_SECRET;
  if (!secret) {
    console.error("[cron] CRON_SECRET is not set: the reconciliation route is disabled");
    return Response.json(
      { error: "CRON_SECRET is not configured.", code: "cron_secret_missing" },
      { status: 503 },
    );
  }
  if (!hasCronSecret(request, secret)) {
    return Response.json({ error: "Missing or wrong bearer token.", code: "unauthorized" }, { status: 401 });
  }
  const run = await runScheduled();
  return Response.json(run, { headers: { "Cache-Control": "no-store" } });
}
