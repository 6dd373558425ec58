// The one transition function. Every path that learns something about a payment (webhook,
// success page, status check, reconciliation sweep, customer cancel, admin replay) applies it
// here.
//
// The order row is locked (SELECT … FOR UPDATE) for the whole decision, so concurrent callers
// with the same news queue up and all but the first find nothing left to do: the paid
// transition, its stock commit and its history row happen exactly once. The change itself (the
// order, its stock, its history row, the live notification) is one statement, to which a caller
// may add its own bookkeeping (the webhook inbox does), so it all commits in one round trip.
import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { announceAfterCommit, announceInStatement } from "@/lib/live/change-bus";
import { together, transaction, type Statement, type Transaction } from "@/lib/sql";
import type { ChangeSource, OrderEvent } from "./order-events";
import { stockMove, type StockMove } from "./stock";
import { decide, type Decision, type OrderChanges, type OrderState } from "./transition-rules";

export type ApplyResult =
  | {
      outcome: "changed";
      orderId: string;
      from: OrderStatus;
      to: OrderStatus;
      review: string | null;
      /** The history row's reason. */
      reason: string;
    }
  | { outcome: "unchanged"; orderId: string; status: OrderStatus }
  | { outcome: "not_found"; orderId: string };

export interface ApplyContext {
  source: ChangeSource;
  /** The QBitFlow event that carried the news, for the history. */
  eventId?: string;
}

/** An order as read under its row lock. */
export type LockedOrder = OrderState & { id: string };

/** The columns of a LockedOrder, for statements that lock the order themselves. */
export const LOCKED_ORDER_COLUMNS = Prisma.sql`o."id", o."status", o."stockState", o."totalCents", o."txHash",
  o."lastAttemptCode", o."lastAttemptAt", o."qbitflowSessionId"`;

/** Reads and locks the order whose id `orderId` (a value or an SQL expression) names. */
export async function lockOrder(tx: Transaction, orderId: string | Statement): Promise<LockedOrder | null> {
  const [order] = await tx.query<LockedOrder>(
    Prisma.sql`SELECT ${LOCKED_ORDER_COLUMNS} FROM "Order" AS o WHERE o."id" = ${orderId} FOR UPDATE`,
  );
  return order ?? null;
}

/** Applies the event in a transaction of its own. */
export async function applyOrderEvent(
  orderId: string,
  event: OrderEvent,
  context: ApplyContext,
): Promise<ApplyResult> {
  const result = await transaction((tx) => applyOrderEventIn(tx, orderId, event, context));
  if (result.outcome === "changed") announceAfterCommit(orderId);
  return result;
}

/**
 * Applies the event inside the caller's transaction. The caller announces a "changed" result
 * with announceAfterCommit once its transaction commits. Never call it while a transaction on
 * another connection waits for this one: on PGlite all connections share one backend and would
 * deadlock.
 */
export async function applyOrderEventIn(
  tx: Transaction,
  orderId: string,
  event: OrderEvent,
  context: ApplyContext,
): Promise<ApplyResult> {
  const order = await lockOrder(tx, orderId);
  if (!order) return { outcome: "not_found", orderId };
  return applyToLockedOrder(tx, order, event, context);
}

/**
 * The transition itself, for an order the caller has locked in this transaction. `alongside`
 * (named `x AS (…)` parts) runs in the same statement as the change, or on its own when the
 * event changes nothing.
 */
export async function applyToLockedOrder(
  tx: Transaction,
  order: LockedOrder,
  event: OrderEvent,
  context: ApplyContext,
  alongside: Statement[] = [],
): Promise<ApplyResult> {
  const decision = decide(order, event);
  if (!decision) {
    if (alongside.length) await tx.query(together(alongside));
    return { outcome: "unchanged", orderId: order.id, status: order.status };
  }
  const reason = decision.review ? `${decision.reason} (needs review: ${decision.review})` : decision.reason;
  // Under the lock we know where the stock is: move it only if it is still reserved.
  const move: StockMove | null =
    order.stockState !== "RESERVED" || !decision.stock
      ? null
      : decision.stock === "commit"
        ? "COMMITTED"
        : "RELEASED";
  const now = new Date();
  const parts = [
    orderUpdate(order.id, decision, move, now),
    ...(move ? stockMove(order.id, move, now) : []),
    Prisma.sql`"history_added" AS (
      INSERT INTO "OrderStatusChange" ("id", "orderId", "fromStatus", "toStatus", "source", "reason", "eventId", "createdAt")
      VALUES (${randomUUID()}, ${order.id}, ${order.status}::"OrderStatus", ${decision.status}::"OrderStatus",
              ${context.source}, ${reason}, ${context.eventId ?? null}::text, ${now}))`,
    ...alongside,
  ];
  await tx.query(together(parts, announceInStatement(order.id)));
  return {
    outcome: "changed",
    orderId: order.id,
    from: order.status,
    to: decision.status,
    review: decision.review,
    reason,
  };
}

// The Order columns a decision may set; each is named as in OrderChanges.
const CHANGE_COLUMNS = [
  "txHash",
  "explorerUrl",
  "chain",
  "currencySymbol",
  "amountPaidUsd",
  "paidAt",
  "lastAttemptCode",
  "lastAttemptMessage",
  "lastAttemptAt",
  "startErrorCode",
  "startErrorMessage",
] as const satisfies readonly (keyof OrderChanges)[];

function orderUpdate(orderId: string, decision: Decision, move: StockMove | null, now: Date): Statement {
  const set = [
    Prisma.sql`"status" = ${decision.status}::"OrderStatus"`,
    Prisma.sql`"updatedAt" = ${now}`,
    ...CHANGE_COLUMNS.filter((column) => decision.changes[column] !== undefined).map(
      (column) => Prisma.sql`${Prisma.raw(`"${column}"`)} = ${decision.changes[column]}`,
    ),
  ];
  if (move) set.push(Prisma.sql`"stockState" = ${move}::"StockState"`);
  if (decision.review) {
    set.push(Prisma.sql`"needsReview" = true, "reviewReason" = ${decision.review}, "reviewedAt" = NULL`);
  }
  return Prisma.sql`"order_changed" AS (UPDATE "Order" SET ${Prisma.join(set, ", ")} WHERE "id" = ${orderId})`;
}
