// GET /api/cron/reconcile: the reconciliation sweep. vercel.json runs it daily (the most Vercel's
// Hobby plan allows; Pro can run it every 5 minutes, docs/deploy.md); requests start it in between
// (lib/sweep/opportunistic-sweep.ts), and this run counts as theirs. It also prunes the delivery
// log (here rather than in the sweep: lib/orders must not import lib/webhooks, which imports it).
import { hasCronSecret } from "@/lib/cron-auth";
import { getEnv } from "@/lib/env";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { reconcileOpenOrders } from "@/lib/orders/reconcile";
import { recordScheduledSweep } from "@/lib/sweep/opportunistic-sweep";
import { pruneDeliveryLog } from "@/lib/webhooks/prune-deliveries";

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
  await recordScheduledSweep();
  const report = await reconcileOpenOrders();
  if (report.changed.length || report.failed.length) console.log("[cron] reconcile", JSON.stringify(report));
  const prunedDeliveries = await pruneDeliveryLog();
  await runDueJobs(); // the outbox's catch-up on hosts without a long-running dispatcher
  return Response.json({ ...report, prunedDeliveries }, { headers: { "Cache-Control": "no-store" } });
}
