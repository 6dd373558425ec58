// Writes what the refund rules decided for a locked paid order: the refund columns, the units put
// back in stock (once), the history row and what the after-commit hook writes with a change, as
// one statement, plus whatever bookkeeping the caller adds (the webhook inbox's).
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrderChange } from "@/lib/order-change";
import type { RefundChanges, RefundDecision } from "./decisions";
import type { Statement } from "@/lib/sql";
import type { LockedOrder } from "./lock-order";
import { historyAdded } from "./history-row";
import { writeChange, type OrderTransaction } from "./order-transaction";
import { unitsPutBack } from "./stock";
import type { TransitionContext } from "./write-transition";

/** Writes `decision` for `order`, locked in this transaction; returns the change it recorded. */
export async function writeRefundTransition(
  tx: OrderTransaction,
  order: LockedOrder,
  decision: RefundDecision,
  context: TransitionContext,
  alongside: Statement[] = [],
): Promise<OrderChange> {
  const reason = decision.review ? `${decision.reason} (needs review: ${decision.review})` : decision.reason;
  const restock = decision.restock && !order.refundRestocked;
  const change: OrderChange = {
    orderId: order.id,
    from: order.status,
    to: order.status,
    source: context.source,
    needsReview: decision.review !== null,
    reason,
    refund: { from: order.refundStatus, to: decision.refundStatus },
  };
  const now = new Date();
  await writeChange(
    tx,
    change,
    [
      refundUpdate(order.id, decision, restock, now),
      ...(restock ? [unitsPutBack(order.id, now)] : []),
      historyAdded(change, context.eventId ?? null, now),
    ],
    alongside,
  );
  return change;
}

// The Order columns a refund decision may set; each is named as in RefundChanges.
const REFUND_COLUMNS = [
  "refundUuid",
  "refundInitiatedBy",
  "refundPercent",
  "refundAmountUsd",
  "refundReason",
  "refundMerchantMessage",
  "refundTxHash",
  "refundExplorerUrl",
  "refundRequestedAt",
  "refundEndedAt",
  "refundRestock",
] as const satisfies readonly (keyof RefundChanges)[];

function refundUpdate(orderId: string, decision: RefundDecision, restock: boolean, now: Date): Statement {
  const set = [
    Prisma.sql`"refundStatus" = ${decision.refundStatus}::"RefundStatus"`,
    Prisma.sql`"updatedAt" = ${now}`,
    ...REFUND_COLUMNS.filter((column) => decision.changes[column] !== undefined).map(
      (column) => Prisma.sql`${Prisma.raw(`"${column}"`)} = ${decision.changes[column]}`,
    ),
  ];
  if (restock) set.push(Prisma.sql`"refundRestocked" = true`);
  if (decision.review) {
    set.push(Prisma.sql`"needsReview" = true, "reviewReason" = ${decision.review}, "reviewedAt" = NULL`);
  }
  return Prisma.sql`"refund_changed" AS (UPDATE "Order" SET ${Prisma.join(set, ", ")} WHERE "id" = ${orderId})`;
}
