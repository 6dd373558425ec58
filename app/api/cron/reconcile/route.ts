// GET /api/cron/reconcile: the reconciliation sweep (vercel.json runs it every 5 minutes).
import { hasCronSecret } from "@/lib/cron-auth";
import { getEnv } from "@/lib/env";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { reconcileOpenOrders } from "@/lib/orders/reconcile";

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
  const report = await reconcileOpenOrders();
  if (report.changed.length || report.failed.length) console.log("[cron] reconcile", JSON.stringify(report));
  await runDueJobs(); // the outbox's catch-up on hosts without a long-running dispatcher
  return Response.json(report, { headers: { "Cache-Control": "no-store" } });
}
