// GET /api/cron/reconcile: the reconciliation sweep (vercel.json runs it every 5 minutes), and
// the delivery log's pruning (here rather than in the sweep: lib/orders must not import
// lib/webhooks, which imports it).
import { hasCronSecret } from "@/lib/cron-auth";
import { getEnv } from "@/lib/env";
import { reconcileOpenOrders } from "@/lib/orders/reconcile";
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
  const report = await reconcileOpenOrders();
  if (report.changed.length || report.failed.length) console.log("[cron] reconcile", JSON.stringify(report));
  const prunedDeliveries = await pruneDeliveryLog();
  return Response.json({ ...report, prunedDeliveries }, { headers: { "Cache-Control": "no-store" } });
}
