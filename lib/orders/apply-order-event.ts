// The one transition function. Every path that learns something about a payment (webhook,
// success page, status check, reconciliation sweep, customer cancel, admin replay) applies it
// here: the order is locked, the pure rules decide (transition-rules.ts; a paid order's refund:
// refund-rules.ts), the store writes.
//
// The order row is locked (SELECT … FOR UPDATE) for the whole decision, so concurrent callers
// with the same news queue up and all but the first find nothing left to do: the paid
// transition, its stock commit and its history row happen exactly once. The change itself is
// one statement, to which a caller may add its own bookkeeping (the webhook inbox does), so it
// all commits in one round trip; the after-commit hook hears of it once it has committed.
import "server-only";
import type { OrderStatus, RefundStatus } from "@/lib/generated/prisma/enums";
import { together, type Statement } from "@/lib/sql";
import {
  changeOrders,
  lockOrder,
  writeRefundTransition,
  writeTransition,
  type LockedOrder,
  type OrderTransaction,
  type TransitionContext,
} from "./order-store";
import { isRefundEvent, type OrderEvent } from "./order-events";
import { decideRefund } from "./refund-rules";
import { decide } from "./transition-rules";

export type ApplyResult =
  | {
      outcome: "changed";
      orderId: string;
      from: OrderStatus;
      to: OrderStatus;
      review: string | null;
      /** The history row's reason. */
      reason: string;
      /** Set when the event was about the order's refund. */
      refund?: { from: RefundStatus; to: RefundStatus };
    }
  | { outcome: "unchanged"; orderId: string; status: OrderStatus }
  | { outcome: "not_found"; orderId: string };

export type ApplyContext = TransitionContext;

/** Applies the event in a transaction of its own. */
export async function applyOrderEvent(
  orderId: string,
  event: OrderEvent,
  context: ApplyContext,
): Promise<ApplyResult> {
  return changeOrders((tx) => applyOrderEventIn(tx, orderId, event, context));
}

/** Applies the event inside the caller's order transaction (see changeOrders). */
export async function applyOrderEventIn(
  tx: OrderTransaction,
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
  tx: OrderTransaction,
  order: LockedOrder,
  event: OrderEvent,
  context: ApplyContext,
  alongside: Statement[] = [],
): Promise<ApplyResult> {
  const unchanged = async (): Promise<ApplyResult> => {
    if (alongside.length) await tx.query(together(alongside));
    return { outcome: "unchanged", orderId: order.id, status: order.status };
  };
  if (isRefundEvent(event)) {
    // A refund never moves the order's status (it stays PAID): refund-rules.ts moves refundStatus.
    const refundDecision = decideRefund(order, event);
    if (!refundDecision) return unchanged();
    const change = await writeRefundTransition(tx, order, refundDecision, context, alongside);
    return {
      outcome: "changed",
      orderId: order.id,
      from: order.status,
      to: order.status,
      review: refundDecision.review,
      reason: change.reason,
      refund: { from: order.refundStatus, to: refundDecision.refundStatus },
    };
  }
  const decision = decide(order, event);
  if (!decision) return unchanged();
  const change = await writeTransition(tx, order, decision, context, alongside);
  return {
    outcome: "changed",
    orderId: order.id,
    from: order.status,
    to: decision.status,
    review: decision.review,
    reason: change.reason,
  };
}
