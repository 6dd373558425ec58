// "Is it time?" for periodic jobs that many app instances may try to start at once. One row per
// job in `JobRun`; a run is claimed with a single conditional upsert, so the database decides:
// however many requests race, exactly one of them moves `lastStartedAt` forward per interval.
//
// A timestamp row rather than an advisory lock: a session lock would not survive a transaction
// pooler (PgBouncer, Neon's and Supabase's pooled URLs, which serverless functions should use), and
// on the embedded PGlite every connection shares one session. The row also answers "when did the
// sweep last run?" for the admin's Setup page.
import "server-only";
import { pool } from "@/lib/sql";

/**
 * Claims the next run of `job` if its last start is at least `intervalMs` ago (or it never ran).
 * True for exactly one caller per interval across every instance sharing the database.
 */
export async function claimJobRun(job: string, intervalMs: number): Promise<boolean> {
  if (!Number.isInteger(intervalMs) || intervalMs < 0) {
    throw new RangeError(
      `claimJobRun: intervalMs must be a whole number of milliseconds ≥ 0, got ${intervalMs}`,
    );
  }
  // ON CONFLICT DO UPDATE locks the row; a concurrent claimer waits for the winner's commit, then
  // re-checks the WHERE against the row the winner wrote, and gets nothing back. Database time
  // (UTC, as Prisma stores DateTime) on both sides, so instances' clocks never matter.
  const { rows } = await pool().query(
    `INSERT INTO "JobRun" ("name", "lastStartedAt") VALUES ($1, now() AT TIME ZONE 'UTC')
     ON CONFLICT ("name") DO UPDATE SET "lastStartedAt" = EXCLUDED."lastStartedAt"
      WHERE "JobRun"."lastStartedAt" <= EXCLUDED."lastStartedAt" - $2::double precision * interval '1 millisecond'
     RETURNING "name"`,
    [job, intervalMs],
  );
  return rows.length === 1;
}

/** Records a run started by other means (the cron route), so the next claim waits a full interval. */
export async function recordJobRun(job: string): Promise<void> {
  await pool().query(
    `INSERT INTO "JobRun" ("name", "lastStartedAt") VALUES ($1, now() AT TIME ZONE 'UTC')
     ON CONFLICT ("name") DO UPDATE SET "lastStartedAt" = EXCLUDED."lastStartedAt"`,
    [job],
  );
}

/** When `job` last started, or null if it never did. */
export async function lastJobRun(job: string): Promise<Date | null> {
  const { rows } = await pool().query<{ at: string }>(
    `SELECT to_char("lastStartedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM "JobRun" WHERE "name" = $1`,
    [job],
  );
  return rows[0] ? new Date(rows[0].at) : null;
}
