// Replay: re-runs the processing of a stored event through the same handler as a delivery. Safe
// by construction: the transition function ignores news it has already applied, so replaying a
// processed payment changes nothing, while replaying an event whose processing failed (a bug
// since fixed, a database outage) applies it now. The event's row is locked as a delivery locks
// it, so a replay and a delivery of the same event never run at once.
import "server-only";
import { db } from "@/lib/db";
import { announceAfterCommit } from "@/lib/live/change-bus";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { parseWebhookEvent } from "@/lib/qbitflow";
import { handleWebhookEvent } from "./event-handlers";

export interface ReplayChange {
  orderId: string;
  from: OrderStatus | null;
  to: OrderStatus;
  reason: string | null;
}

export type ReplayResult =
  | {
      ok: true;
      eventId: string;
      orderId: string | null;
      unmatched: boolean;
      /** The status changes this replay made: empty when the event had been applied already. */
      changes: ReplayChange[];
    }
  | { ok: false; code: "not_found" | "unreadable" | "failed"; message: string };

/** `eventId` is QBitFlow's event id (`evt_…`). */
export async function replayWebhookEvent(eventId: string): Promise<ReplayResult> {
  try {
    const result = await db.$transaction(async (tx): Promise<ReplayResult> => {
      const [row] = await tx.$queryRaw<{ rawBody: string; processedAt: Date | null }[]>`
        SELECT "rawBody", "processedAt" FROM "WebhookEvent" WHERE "eventId" = ${eventId} FOR UPDATE`;
      if (!row) return { ok: false, code: "not_found", message: `No stored event ${eventId}.` };
      // Only verified bodies are stored, so this parse succeeded once; it can fail only if the
      // parser has changed since.
      const parsed = parseWebhookEvent(row.rawBody);
      if (!parsed.ok) return { ok: false, code: "unreadable", message: parsed.message };

      // The transition function writes one history row per change, tagged with the event id:
      // the rows that appear during the replay are what it changed.
      const before = await tx.orderStatusChange.findMany({ where: { eventId }, select: { id: true } });
      const outcome = await handleWebhookEvent(tx, parsed.event);
      const added = await tx.orderStatusChange.findMany({
        where: { eventId, id: { notIn: before.map((change) => change.id) } },
        orderBy: { createdAt: "asc" },
        select: { orderId: true, fromStatus: true, toStatus: true, reason: true },
      });
      await tx.webhookEvent.update({
        where: { eventId },
        data: {
          processedAt: row.processedAt ?? new Date(),
          orderId: outcome.orderId,
          unmatched: outcome.unmatched,
          lastError: null,
          replays: { increment: 1 },
          lastReplayedAt: new Date(),
        },
      });
      return {
        ok: true,
        eventId,
        orderId: outcome.orderId,
        unmatched: outcome.unmatched,
        changes: added.map((change) => ({
          orderId: change.orderId,
          from: change.fromStatus,
          to: change.toStatus,
          reason: change.reason,
        })),
      };
    });
    // Live pages hear of what the replay changed once it is committed.
    if (result.ok && result.orderId && result.changes.length > 0) announceAfterCommit(result.orderId);
    return result;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    // Nothing of the replay remains (rolled back); keep why on the event, as a delivery would.
    await db.webhookEvent
      .updateMany({
        where: { eventId },
        data: { lastError: message, replays: { increment: 1 }, lastReplayedAt: new Date() },
      })
      .catch(() => {});
    return { ok: false, code: "failed", message };
  }
}
