// Translates what QBitFlow reports (a payment, a session status) into order events. The
// webhook, the success page, status checks and the sweep all go through here, so they can never
// read the same news differently.
import type { Payment, Refund, RefundSummary, SessionStatus } from "@/lib/qbitflow";
import type { OrderEvent, RefundEvent, RefundFacts } from "./order-events";

export function paymentCompleted(payment: Payment): OrderEvent {
  return {
    type: "payment_completed",
    sessionId: payment.id,
    amountCents: payment.amountCents,
    amountUsd: payment.amountUsd === null ? null : String(payment.amountUsd),
    paidUsd: payment.paidUsd === null ? null : String(payment.paidUsd),
    txHash: payment.txHash,
    explorerUrl: payment.explorerUrl,
    chain: payment.chain,
    currencySymbol: payment.currencySymbol,
    confirmedAt: payment.confirmedAt,
  };
}

/**
 * The events a session status implies, oldest first. `completed` needs the payment itself (its
 * amount and transaction), so the caller fetches it and passes it in.
 */
export function eventsFromStatus(status: SessionStatus, payment: Payment | null): OrderEvent[] {
  const events: OrderEvent[] = [];
  if (status.lastAttempt && status.status === "created") {
    const { code, message, txHash, at } = status.lastAttempt;
    events.push({ type: "attempt_failed", code, message, txHash, at });
  }
  switch (status.status) {
    case "waitingConfirmation":
      events.push({ type: "payment_sent", txHash: status.txHash });
      break;
    case "completed":
      events.push({ type: "payment_sent", txHash: status.txHash });
      if (payment) events.push(paymentCompleted(payment));
      break;
    case "expired":
      events.push({ type: "session_expired", message: status.message });
      break;
    // created and unknown: nothing beyond the failed attempt above.
  }
  return events;
}

type RefundNews = "refund.requested" | "refund.completed" | "refund.denied";

/** A refund's webhook (its type says what happened) or the answer of the initiate route. */
export function refundEvent(
  refund: Omit<Refund, "txUuid">,
  type: RefundNews | null = null,
): RefundEvent | null {
  const facts: RefundFacts = {
    refundId: refund.id,
    initiatedBy: refund.initiatedBy,
    percent: decimal(refund.refundPercent),
    amountUsd: decimal(refund.amountUsd),
    reason: refund.reason,
    merchantMessage: refund.merchantMessage,
    at: refund.respondedAt ?? refund.createdAt,
  };
  const happened = type ?? REFUND_NEWS_BY_STATUS[refund.status];
  switch (happened) {
    case "refund.requested":
      return { type: "refund_opened", ...facts, at: refund.createdAt };
    case "refund.completed":
      return { type: "refund_completed", ...facts, txHash: refund.txHash, explorerUrl: refund.explorerUrl };
    case "refund.denied":
      return { type: "refund_denied", ...facts };
    default:
      return null; // a status QBitFlow added since: nothing we know how to apply
  }
}

/** What a Payment read's `refund` summary says (the sweep's view: no reason, message or hash). */
export function refundEventFromSummary(summary: RefundSummary): RefundEvent | null {
  return refundEvent({
    id: summary.id,
    status: summary.status,
    initiatedBy: summary.initiatedBy,
    reason: null,
    merchantMessage: null,
    refundPercent: summary.refundPercent,
    amountUsd: summary.amountUsd,
    txHash: null,
    explorerUrl: null,
    createdAt: summary.createdAt,
    respondedAt: summary.respondedAt,
  });
}

const REFUND_NEWS_BY_STATUS: Record<string, RefundNews | undefined> = {
  pending: "refund.requested",
  approved: "refund.completed",
  rejected: "refund.denied",
};

function decimal(value: number | null): string | null {
  return value === null ? null : String(value);
}
