// Translates what QBitFlow reports (a payment, a session status) into order events. The
// webhook, the success page, status checks and the sweep all go through here, so they can never
// read the same news differently.
import type { Payment, SessionStatus } from "@/lib/qbitflow";
import type { OrderEvent } from "./order-events";

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
