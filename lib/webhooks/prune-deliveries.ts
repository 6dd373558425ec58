// Keeps the delivery log from growing without end: rows older than the retention
// (WEBHOOK_LOG_RETENTION_DAYS, default 30) are deleted by the reconciliation cron, a batch per run
// so one run stays short. Only the log goes: the inbox (WebhookEvent: each event's body and the
// record that it was processed, which deduplication needs) is kept.
import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

export interface PruneOptions {
  retentionDays?: number;
  now?: Date;
  /** Rows deleted per run at most. */
  batch?: number;
}

/** Deletes log rows last seen before the retention; returns how many. */
export async function pruneDeliveryLog(options: PruneOptions = {}): Promise<number> {
  const { retentionDays = getEnv().WEBHOOK_LOG_RETENTION_DAYS, now = new Date(), batch = 5_000 } = options;
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60_000);
  // receivedAt is indexed; a rejection that is still repeating is kept by its lastReceivedAt.
  return db.$executeRaw`
    DELETE FROM "WebhookDelivery" WHERE "id" IN (
      SELECT "id" FROM "WebhookDelivery"
       WHERE "receivedAt" < ${cutoff} AND COALESCE("lastReceivedAt", "receivedAt") < ${cutoff}
       LIMIT ${batch})`;
}
