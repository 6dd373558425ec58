// Writes what the transition rules decided for a locked order: the order's columns, the stock
// move, the history row and what the after-commit hook writes with a change, as one statement
// (one round trip on the webhook's hot path), plus whatever bookkeeping the caller adds.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ChangeSource, OrderChange } from "@/lib/order-change";
import type { Decision, OrderChanges } from "./decisions";
import type { Statement } from "@/lib/sql";
import type { LockedOrder } from "./lock-order";
import { historyAdded } from "./history-row";
import { writeChange, type OrderTransaction } from "./order-transaction";
import { stockMoved, type StockMove } from "./stock";

export interface TransitionContext {
  source: ChangeSource;
  /** The QBitFlow event that carried the news, for the history. */
  eventId?: string;
}

/** Writes `decision` for `order`, locked in this transaction; returns the change it recorded. */
export async function writeTransition(
  tx: OrderTransaction,
  order: LockedOrder,
  decision: Decision,
  context: TransitionContext,
  alongside: Statement[] = [],
): Promise<OrderChange> {
  const reason = decision.review ? `${decision.reason} (needs review: ${decision.review})` : decision.reason;
  // Under the lock we know where the stock is: move it only if it is still reserved.
  const move: StockMove | null =
    order.stockState !== "RESERVED" || !decision.stock
      ? null
      : decision.stock === "commit"
        ? "COMMITTED"
        : "RELEASED";
  const change: OrderChange = {
    orderId: order.id,
    from: order.status,
    to: decision.status,
    source: context.source,
    needsReview: decision.review !== null,
    reason,
  };
  const now = new Date();
  await writeChange(
    tx,
    change,
    [
      orderUpdate(order.id, decision, move, now),
      ...(move ? stockMoved(order.id, move, now) : []),
      historyAdded(change, context.eventId ?? null, now),
    ],
    alongside,
  );
  return change;
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
