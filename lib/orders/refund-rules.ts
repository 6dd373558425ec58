// A paid order's refund, as a pure function: given the order and what QBitFlow said about its
// refund, what changes. The sibling of transition-rules.ts, with the same shape and guarantees:
// the refund only moves forward (NONE → REQUESTED | PENDING → REFUNDED | DENIED), a repeated or
// late event changes nothing, so the webhook, the admin's initiate call and the sweep may all
// apply whatever they learned, in any order, as often as they like.
//
// One exception to "late changes nothing", the same as for payments: money is never ignored. A
// refund answered `rejected` is final in QBitFlow (one refund per payment), so a later
// `completed` should not happen; if it does, it carries a transfer that left the merchant's
// wallet, and the order becomes REFUNDED flagged for review rather than hiding it.
import type { Order } from "@/lib/generated/prisma/client";
import type { RefundStatus } from "@/lib/generated/prisma/enums";
import type { RefundEvent } from "./order-events";

/** What the refund rules read of an order (the store locks these columns: store/lock-order.ts). */
export type RefundState = Pick<
  Order,
  "status" | "stockState" | "refundStatus" | "refundUuid" | "refundRestock" | "refundRestocked"
>;

export type { RefundChanges, RefundDecision } from "./store/decisions";
import type { RefundChanges, RefundDecision } from "./store/decisions";

const OPEN: ReadonlySet<RefundStatus> = new Set(["REQUESTED", "PENDING"]);

/** What the event changes, or null when it changes nothing (a duplicate, or too late). */
export function decideRefund(
  order: RefundState,
  event: RefundEvent,
  now: Date = new Date(),
): RefundDecision | null {
  // Only a paid order has a payment to refund; anything else is not ours to record.
  if (order.status !== "PAID") return null;
  const sameRefund = order.refundUuid === null || order.refundUuid === event.refundId;
  switch (event.type) {
    case "refund_opened":
      return decideOpened(order, event, sameRefund, now);
    case "refund_completed":
      return decideCompleted(order, event, sameRefund, now);
    case "refund_denied":
      if (!sameRefund || !(order.refundStatus === "NONE" || OPEN.has(order.refundStatus))) return null;
      return {
        refundStatus: "DENIED",
        changes: { ...known(event), refundEndedAt: event.at ?? now },
        restock: false,
        review: null,
        reason: `refund ${event.refundId} denied: no money was sent`,
      };
  }
}

function decideOpened(
  order: RefundState,
  event: Extract<RefundEvent, { type: "refund_opened" }>,
  sameRefund: boolean,
  now: Date,
): RefundDecision | null {
  if (!sameRefund) return null;
  const wantsRestock = event.restock === true && !order.refundRestock;
  if (order.refundStatus !== "NONE") {
    // Already known. The one detail worth a change: the admin's "put the units back in stock",
    // when its answer arrives after the webhook that opened the refund.
    if (!wantsRestock) return null;
    return {
      refundStatus: order.refundStatus,
      changes: { refundRestock: true },
      restock: order.refundStatus === "REFUNDED" && restockDue({ ...order, refundRestock: true }),
      review: null,
      reason: "units to go back in stock when the refund completes",
    };
  }
  const byCustomer = event.initiatedBy === "customer";
  return {
    refundStatus: byCustomer ? "REQUESTED" : "PENDING",
    changes: {
      ...known(event),
      refundRequestedAt: event.at ?? now,
      ...(wantsRestock ? { refundRestock: true } : {}),
    },
    restock: false,
    review: null,
    reason: byCustomer
      ? `the customer requested a refund (${event.refundId})${event.reason ? `: ${event.reason}` : ""}`
      : `refund ${event.refundId} started, waiting for the merchant's signature in QBitFlow`,
  };
}

function decideCompleted(
  order: RefundState,
  event: Extract<RefundEvent, { type: "refund_completed" }>,
  sameRefund: boolean,
  now: Date,
): RefundDecision | null {
  if (order.refundStatus === "REFUNDED") return null;
  const problems: string[] = [];
  if (order.refundStatus === "DENIED") problems.push("a refund completed after it had been denied");
  if (!sameRefund) {
    problems.push(`refund ${event.refundId} completed, not the order's refund ${order.refundUuid}`);
  }
  return {
    refundStatus: "REFUNDED",
    changes: {
      ...known(event),
      refundTxHash: event.txHash,
      refundExplorerUrl: event.explorerUrl,
      refundEndedAt: event.at ?? now,
      ...(order.refundStatus === "NONE" ? { refundRequestedAt: event.at ?? now } : {}),
    },
    restock: restockDue(order),
    review: problems.length ? problems.join("; ") : null,
    reason: `refund ${event.refundId} sent${event.percent ? ` (${event.percent}%)` : ""}`,
  };
}

/** The units go back once, only if the merchant asked and the sale had taken them out for good. */
function restockDue(order: RefundState): boolean {
  return order.refundRestock && !order.refundRestocked && order.stockState === "COMMITTED";
}

/** The refund's facts the event states; absent ones leave what the order already has. */
function known(event: RefundEvent): RefundChanges {
  const changes: RefundChanges = { refundUuid: event.refundId };
  if (event.initiatedBy !== null) changes.refundInitiatedBy = event.initiatedBy;
  if (event.percent !== null) changes.refundPercent = event.percent;
  if (event.amountUsd !== null) changes.refundAmountUsd = event.amountUsd;
  if (event.reason !== null) changes.refundReason = event.reason;
  if (event.merchantMessage !== null) changes.refundMerchantMessage = event.merchantMessage;
  return changes;
}
