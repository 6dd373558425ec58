// The one entry point for background work: the outbox's jobs (receipts, merchant notices, the
// merchant's fulfilment) and the reconciliation sweep. Callers say what happened; this module
// alone decides what runs, and where (docs/receipts-and-fulfilment.md#where-background-work-runs):
//
// - start(): the custom server (server.ts) runs the dispatcher for its whole life, woken by every
//   committed change; then kick()'s job runs are no-ops in that process (runDueJobs() checks).
// - kick(reason): a request-time nudge. Where no dispatcher lives (Vercel, `next start`), a kick
//   that follows new jobs runs them in after(), for a bounded time; a visit offers the sweep,
//   which runs at most once per SWEEP_INTERVAL_MINUTES across all instances.
// - runScheduled(): the cron route's run: the sweep on schedule, the delivery log's pruning and
//   the outbox's catch-up.
import "server-only";
import { afterResponse } from "@/lib/after-response";
import { reconcileOpenOrders, type ReconcileReport } from "@/lib/orders/reconcile";
import { pruneDeliveryLog } from "@/lib/webhooks/prune-deliveries";
import { lastJobRun } from "./job-run";
import { offerSweep, recordScheduledSweep, SWEEP_JOB } from "./opportunistic-sweep";
import { runDueJobs, startJobRunner, type JobRunner } from "./run-jobs";

export type { JobRunner };

/**
 * Why a request nudges the background:
 * - "jobs-written": it just committed outbox jobs (a verified webhook, an admin's retry);
 * - "visit": a dynamic page or status check was served (the sweep's chance to run between crons).
 */
export type KickReason = "jobs-written" | "visit";

/** The long-running background work of a Node host (the custom server). */
export function start(): Promise<JobRunner> {
  return startJobRunner();
}

/** Call from a route handler, dynamic page or server action; never delays or fails it. */
export function kick(reason: KickReason): void {
  switch (reason) {
    case "jobs-written":
      afterResponse(() => runDueJobs());
      return;
    case "visit":
      offerSweep(() => runDueJobs());
      return;
  }
}

export interface ScheduledRun extends ReconcileReport {
  prunedDeliveries: number;
}

/** The cron's run: it counts as the opportunistic sweep's, so that one waits a full interval. */
export async function runScheduled(): Promise<ScheduledRun> {
  await recordScheduledSweep();
  const report = await reconcileOpenOrders();
  if (report.changed.length || report.failed.length) console.log("[cron] reconcile", JSON.stringify(report));
  // Here rather than in the sweep: lib/orders must not import lib/webhooks, which imports it.
  const prunedDeliveries = await pruneDeliveryLog();
  await runDueJobs(); // the outbox's catch-up on hosts without a long-running dispatcher
  return { ...report, prunedDeliveries };
}

/** When the sweep last started (by a visit or the cron), for the admin's Setup page. */
export function lastSweepRun(): Promise<Date | null> {
  return lastJobRun(SWEEP_JOB);
}
