// The reconciliation sweep, run often even where the scheduler cannot: Vercel's Hobby plan runs
// crons once a day, so requests that reach the app also offer to run the sweep, after their
// response is sent (`after()`), at most once per SWEEP_INTERVAL_MINUTES across all instances.
// The daily cron (vercel.json) still guarantees a run when nobody visits.
import "server-only";
import { afterResponse } from "@/lib/after-response";
import { getEnv } from "@/lib/env";
import { reconcileOpenOrders, type ReconcileReport } from "@/lib/orders/reconcile";
import { claimJobRun, recordJobRun } from "./job-run";

export const SWEEP_JOB = "reconcile";

// Each instance asks the database at most this often, so a busy instance does not turn every
// request into a write; the database row still decides which instance actually runs.
const LOCAL_RECHECK_MS = 30_000;
let nextLocalCheck = 0;

export type SweepOutcome = { ran: true; report: ReconcileReport } | { ran: false };

export interface SweepIfDueOptions {
  intervalMs: number;
  /** The sweep itself; injectable for tests. */
  reconcile?: () => Promise<ReconcileReport>;
  /** The JobRun row to claim (tests use their own). */
  job?: string;
}

/** Runs the sweep if this caller wins the claim for the current interval. */
export async function runSweepIfDue(options: SweepIfDueOptions): Promise<SweepOutcome> {
  const reconcile = options.reconcile ?? (() => reconcileOpenOrders());
  if (!(await claimJobRun(options.job ?? SWEEP_JOB, options.intervalMs))) return { ran: false };
  return { ran: true, report: await reconcile() };
}

/** For the cron route: the sweep ran on schedule, so the opportunistic one waits a full interval. */
export function recordScheduledSweep(): Promise<void> {
  return recordJobRun(SWEEP_JOB);
}

/**
 * Schedules the sweep after the response if it is due, then `afterSweep` (the outbox's catch-up)
 * when it ran. Never delays or fails the request. Called by kick() in index.ts only.
 */
export function offerSweep(afterSweep: () => Promise<unknown>): void {
  const minutes = getEnv().SWEEP_INTERVAL_MINUTES;
  const now = Date.now();
  if (minutes === 0 || now < nextLocalCheck) return;
  nextLocalCheck = now + Math.min(LOCAL_RECHECK_MS, minutes * 60_000);
  afterResponse(async () => {
    try {
      const outcome = await runSweepIfDue({ intervalMs: minutes * 60_000 });
      if (outcome.ran && (outcome.report.changed.length || outcome.report.failed.length)) {
        console.log("[sweep] reconcile", JSON.stringify(outcome.report));
      }
      if (outcome.ran) await afterSweep(); // the outbox's catch-up where no dispatcher lives in the server
    } catch (error) {
      console.error(`[sweep] failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
