// Replay: re-runs the processing of a stored event through the same handler as a delivery. Safe
// by construction: the transition function ignores news it has already applied, so replaying a
// processed payment changes nothing, while replaying an event whose processing failed (a bug
// since fixed, a database outage) applies it now. The event's row is locked as a delivery locks
// it, so a replay and a delivery of the same event never run at once.
import "server-only";
import { db } from "@/lib/db";
import { Prisma, type WebhookEvent } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { applyToLockedOrder } from "@/lib/orders/apply-order-event";
import { changeOrders, lockOrder, orderIdNamedBy } from "@/lib/orders/order-store";
import { parseWebhookEvent } from "@/lib/qbitflow";
import { together } from "@/lib/sql";
import { orderNewsIn } from "./event-handlers";

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
    return await changeOrders(async (tx): Promise<ReplayResult> => {
      const [row] = await tx.query<Pick<WebhookEvent, "rawBody">>(
        Prisma.sql`SELECT "rawBody" FROM "WebhookEvent" WHERE "eventId" = ${eventId} FOR UPDATE`,
      );
      if (!row) return { ok: false, code: "not_found", message: `No stored event ${eventId}.` };
      // Only verified bodies are stored, so this parse succeeded once; it can fail only if the
      // parser has changed since.
      const parsed = parseWebhookEvent(row.rawBody);
      if (!parsed.ok) return { ok: false, code: "unreadable", message: parsed.message };

      const news = orderNewsIn(parsed.event);
      const order = news ? await lockOrder(tx, orderIdNamedBy(news.names)) : null;
      const now = new Date();
      const bookkeeping = Prisma.sql`"inbox_replayed" AS (
        UPDATE "WebhookEvent" SET "processedAt" = COALESCE("processedAt", ${now}), "orderId" = ${order?.id ?? null}::text,
               "unmatched" = ${news !== null && !order}, "lastError" = NULL,
               "replays" = "replays" + 1, "lastReplayedAt" = ${now}
         WHERE "eventId" = ${eventId})`;
      const applied =
        news && order
          ? await applyToLockedOrder(tx, order, news.event, { source: "webhook", eventId }, [bookkeeping])
          : await tx.query(together([bookkeeping])).then(() => null);
      return {
        ok: true,
        eventId,
        orderId: order?.id ?? null,
        unmatched: news !== null && !order,
        changes:
          applied?.outcome === "changed"
            ? [{ orderId: applied.orderId, from: applied.from, to: applied.to, reason: applied.reason }]
            : [],
      };
    });
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
