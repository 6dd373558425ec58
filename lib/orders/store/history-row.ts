// The status history's row for a change, as a part of the statement that makes the change: every
// writer (placing an order, a transition, a refund's move) records its OrderChange this one way.
import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrderChange } from "@/lib/order-change";

/** The `history_added` part: `change` as an OrderStatusChange row, with the event that carried it. */
export function historyAdded(change: OrderChange, eventId: string | null, now: Date): Prisma.Sql {
  return Prisma.sql`"history_added" AS (
    INSERT INTO "OrderStatusChange" ("id", "orderId", "fromStatus", "toStatus", "fromRefund", "toRefund",
                                     "source", "reason", "eventId", "createdAt")
    VALUES (${randomUUID()}, ${change.orderId}, ${change.from}::"OrderStatus", ${change.to}::"OrderStatus",
            ${change.refund?.from ?? null}::"RefundStatus", ${change.refund?.to ?? null}::"RefundStatus",
            ${change.source}, ${change.reason}, ${eventId}::text, ${now}))`;
}
