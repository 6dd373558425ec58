// The outbox's statements: claim due jobs, settle them. Each runs in a short transaction of its
// own; the job's work runs between them, outside any transaction.
//
// Claiming is one UPDATE over `SELECT … FOR UPDATE SKIP LOCKED`: on PostgreSQL, dispatchers on
// several instances skip each other's rows instead of queueing behind them; the UPDATE also sets
// a lease (lockedBy, lockedUntil), and that lease is what keeps a job from running twice at once
// everywhere, including on the embedded PGlite, where every connection shares one backend and
// SKIP LOCKED cannot tell them apart (its transactions run one at a time, so the UPDATE is atomic
// there too). A job whose dispatcher died is taken over once its lease has ended.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OutboxJob } from "@/lib/generated/prisma/client";
import { transaction } from "@/lib/sql";

export type ClaimedJob = Pick<OutboxJob, "id" | "key" | "kind" | "orderId" | "payload" | "attempts">;

const one = <Row>(statement: Prisma.Sql) => transaction((tx) => tx.query<Row>(statement));

/** Which jobs a dispatcher takes: only kinds it can run (and, for tests and "run now", some orders). */
export interface ClaimScope {
  kinds: readonly string[];
  orderIds?: readonly string[];
}

export async function claimDueJobs(
  workerId: string,
  scope: ClaimScope,
  limit: number,
  leaseMs: number,
  now: Date = new Date(),
): Promise<ClaimedJob[]> {
  const until = new Date(now.getTime() + leaseMs);
  const ofOrders = scope.orderIds ? Prisma.sql`AND "orderId" = ANY(${scope.orderIds}::text[])` : Prisma.empty;
  return one<ClaimedJob>(Prisma.sql`
    UPDATE "OutboxJob" AS j
       SET "state" = 'RUNNING', "lockedBy" = ${workerId}, "lockedUntil" = ${until},
           "attempts" = j."attempts" + 1, "updatedAt" = ${now}
     WHERE j."id" IN (
             SELECT "id" FROM "OutboxJob"
              WHERE (("state" = 'PENDING' AND "runAt" <= ${now}) OR ("state" = 'RUNNING' AND "lockedUntil" < ${now}))
                AND "kind" = ANY(${scope.kinds}::text[]) ${ofOrders}
              ORDER BY "runAt" LIMIT ${limit}
                FOR UPDATE SKIP LOCKED)
       AND (j."state" = 'PENDING' OR j."lockedUntil" < ${now})
    RETURNING j."id", j."key", j."kind", j."orderId", j."payload", j."attempts"`);
}

/** Marks a job done, if this worker still holds it; false when its lease was taken over. */
export async function completeJob(
  job: ClaimedJob,
  workerId: string,
  outcome: string | null,
): Promise<boolean> {
  const now = new Date();
  const rows = await one<{ id: string }>(Prisma.sql`
    UPDATE "OutboxJob"
       SET "state" = 'DONE', "outcome" = ${outcome}::text, "doneAt" = ${now}, "lastError" = NULL,
           "lockedBy" = NULL, "lockedUntil" = NULL, "updatedAt" = ${now}
     WHERE "id" = ${job.id} AND "lockedBy" = ${workerId} AND "state" = 'RUNNING'
    RETURNING "id"`);
  return rows.length > 0;
}

/** Puts a failed job back to run at `retryAt`, or marks it dead when `retryAt` is null. */
export async function failJob(
  job: ClaimedJob,
  workerId: string,
  error: string,
  retryAt: Date | null,
): Promise<boolean> {
  const now = new Date();
  const rows = await one<{ id: string }>(Prisma.sql`
    UPDATE "OutboxJob"
       SET "state" = ${retryAt ? "PENDING" : "DEAD"}::"OutboxJobState", "runAt" = ${retryAt ?? now},
           "lastError" = ${error.slice(0, 2000)}, "lockedBy" = NULL, "lockedUntil" = NULL, "updatedAt" = ${now}
     WHERE "id" = ${job.id} AND "lockedBy" = ${workerId} AND "state" = 'RUNNING'
    RETURNING "id"`);
  return rows.length > 0;
}

/** When the next job falls due (a retry's time, a lease's end), or null when none waits. */
export async function nextDueAt(): Promise<Date | null> {
  const [row] = await one<{ due: Date | null }>(Prisma.sql`
    SELECT MIN(CASE WHEN "state" = 'PENDING' THEN "runAt" ELSE "lockedUntil" END) AS "due"
      FROM "OutboxJob" WHERE "state" IN ('PENDING', 'RUNNING')`);
  return row?.due ?? null;
}

/** The admin's Retry: a dead or waiting job runs again at once, with a fresh round of attempts. */
export async function retryJob(id: string): Promise<boolean> {
  const now = new Date();
  const rows = await one<{ id: string }>(Prisma.sql`
    UPDATE "OutboxJob" SET "state" = 'PENDING', "runAt" = ${now}, "attempts" = 0, "updatedAt" = ${now}
     WHERE "id" = ${id} AND "state" IN ('DEAD', 'PENDING')
    RETURNING "id"`);
  return rows.length > 0;
}
