// The one transition function. Every path that learns something about a payment (webhook,
// success page, status check, reconciliation sweep, customer cancel) applies it here.
//
// The order row is locked (SELECT … FOR UPDATE) for the whole decision, so concurrent callers
// with the same news queue up and all but the first find nothing left to do: the paid
// transition, its stock commit and its history row happen exactly once.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { announceAfterCommit, announceInTransaction } from "@/lib/live/change-bus";
import type { ChangeSource, OrderEvent } from "./order-events";
import { commitStock, releaseStock } from "./stock";
import { decide, type OrderState } from "./transition-rules";

export type ApplyResult =
  | { outcome: "changed"; orderId: string; from: OrderStatus; to: OrderStatus; review: string | null }
  | { outcome: "unchanged"; orderId: string; status: OrderStatus }
  | { outcome: "not_found"; orderId: string };

export interface ApplyContext {
  source: ChangeSource;
  /** The QBitFlow event that carried the news, for the history. */
  eventId?: string;
}

/** Applies the event in a transaction of its own. */
export async function applyOrderEvent(
  orderId: string,
  event: OrderEvent,
  context: ApplyContext,
): Promise<ApplyResult> {
  const result = await db.$transaction((tx) => applyOrderEventIn(tx, orderId, event, context));
  if (result.outcome === "changed") announceAfterCommit(orderId);
  return result;
}

/**
 * Applies the event inside the caller's transaction (the webhook inbox commits an event's
 * processing together with its own bookkeeping). The caller announces a "changed" result with
 * announceAfterCommit once its transaction commits. Never call it while a transaction on another
 * connection waits for this one: on PGlite all connections share one backend and would deadlock.
 */
export async function applyOrderEventIn(
  tx: Prisma.TransactionClient,
  orderId: string,
  event: OrderEvent,
  context: ApplyContext,
): Promise<ApplyResult> {
  const [order] = await tx.$queryRaw<OrderState[]>`
    SELECT "status", "stockState", "totalCents", "txHash", "lastAttemptCode", "lastAttemptAt", "qbitflowSessionId"
      FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
  if (!order) return { outcome: "not_found", orderId };

  const decision = decide(order, event);
  if (!decision) return { outcome: "unchanged", orderId, status: order.status };

  // updateMany/createMany: no RETURNING of whole rows on the webhook's hot path.
  await tx.order.updateMany({
    where: { id: orderId },
    data: {
      ...decision.changes,
      status: decision.status,
      ...(decision.review ? { needsReview: true, reviewReason: decision.review, reviewedAt: null } : {}),
    },
  });
  if (decision.stock === "commit") await commitStock(tx, orderId);
  if (decision.stock === "release") await releaseStock(tx, orderId);
  await tx.orderStatusChange.createMany({
    data: {
      orderId,
      fromStatus: order.status,
      toStatus: decision.status,
      source: context.source,
      reason: decision.review ? `${decision.reason} (needs review: ${decision.review})` : decision.reason,
      eventId: context.eventId,
    },
  });
  await announceInTransaction(tx, orderId);
  return { outcome: "changed", orderId, from: order.status, to: decision.status, review: decision.review };
}
