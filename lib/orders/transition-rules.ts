// The order state machine, as a pure function: given an order and an event, what changes.
// Status only moves forward (PENDING → CONFIRMING → PAID, or to EXPIRED / CANCELLED); repeated
// or stale events change nothing, so every caller can apply whatever it learned, in any order,
// as often as it likes. Money is never ignored: a payment for a closed order, or of the wrong
// amount, still makes the order PAID, flagged for a human to review.
import type { Order } from "@/lib/generated/prisma/client";
import { isFinal, type OrderEvent } from "./order-events";

/** What the rules read of an order (the store locks these columns: store/lock-order.ts). */
export type OrderState = Pick<
  Order,
  | "status"
  | "stockState"
  | "totalCents"
  | "txHash"
  | "lastAttemptCode"
  | "lastAttemptAt"
  | "qbitflowSessionId"
>;

export type { Decision, OrderChanges } from "./store/decisions";
import type { Decision, OrderChanges } from "./store/decisions";

/** What the event changes, or null when it changes nothing (a duplicate, or too late). */
export function decide(order: OrderState, event: OrderEvent, now: Date = new Date()): Decision | null {
  switch (event.type) {
    case "start_failed":
      if (order.status !== "PENDING") return null;
      return {
        status: "CANCELLED",
        changes: { startErrorCode: event.code, startErrorMessage: event.message },
        stock: "release",
        review: null,
        reason: `checkout could not start: ${event.code}`,
      };

    case "attempt_failed": {
      if (isFinal(order.status)) return null;
      const at = event.at ?? now;
      const seen = order.lastAttemptCode === event.code && order.lastAttemptAt?.getTime() === at.getTime();
      if (seen) return null;
      return {
        status: order.status,
        changes: { lastAttemptCode: event.code, lastAttemptMessage: event.message, lastAttemptAt: at },
        stock: null,
        review: null,
        reason: `payment attempt failed: ${event.code ?? "unknown reason"}`,
      };
    }

    case "payment_sent":
      if (order.status !== "PENDING") return null;
      return {
        status: "CONFIRMING",
        changes: { txHash: event.txHash ?? order.txHash },
        stock: null,
        review: null,
        reason: "transaction sent, waiting for confirmation",
      };

    case "payment_completed":
      return decidePaid(order, event, now);

    case "session_expired":
      if (isFinal(order.status)) return null;
      return {
        status: "EXPIRED",
        changes: {},
        stock: "release",
        review: null,
        reason: event.message ?? "checkout expired unpaid",
      };

    case "cancelled":
      if (isFinal(order.status)) return null;
      return { status: "CANCELLED", changes: {}, stock: "release", review: null, reason: event.reason };

    case "refund_opened":
    case "refund_completed":
    case "refund_denied":
      return null; // never the order's status: refund-rules.ts moves its refund
  }
}

function decidePaid(
  order: OrderState,
  event: Extract<OrderEvent, { type: "payment_completed" }>,
  now: Date,
): Decision | null {
  const paymentFields: OrderChanges = {
    txHash: event.txHash ?? order.txHash,
    explorerUrl: event.explorerUrl,
    chain: event.chain,
    currencySymbol: event.currencySymbol,
    amountPaidUsd: event.paidUsd,
    paidAt: event.confirmedAt ?? now,
  };
  if (order.status === "PAID") {
    // The same payment again: nothing to do. A different transaction is money we must not ignore.
    if (!event.txHash || !order.txHash || event.txHash === order.txHash) return null;
    return {
      status: "PAID",
      changes: {},
      stock: null,
      review: `a second payment arrived (${event.txHash}) for an order already paid`,
      reason: "second payment received",
    };
  }

  const problems: string[] = [];
  if (order.status === "EXPIRED" || order.status === "CANCELLED") {
    problems.push(
      `payment arrived after the order was ${order.status.toLowerCase()}; its stock had been released`,
    );
  }
  if (event.sessionId && order.qbitflowSessionId && event.sessionId !== order.qbitflowSessionId) {
    problems.push(
      `paid through session ${event.sessionId}, not the order's session ${order.qbitflowSessionId}`,
    );
  }
  problems.push(...amountProblems(order.totalCents, event));
  return {
    status: "PAID",
    changes: paymentFields,
    stock: order.stockState === "RESERVED" ? "commit" : null,
    review: problems.length ? problems.join("; ") : null,
    reason: "payment confirmed",
  };
}

/**
 * What is wrong with the amounts (spec §12): `amount` is what the merchant received, network fee
 * excluded, so it must be the order total to the cent (finer differences are float rounding);
 * `paidUsd` is `amount` plus the fee, so below `amount` the numbers contradict each other.
 */
function amountProblems(
  totalCents: number,
  event: Extract<OrderEvent, { type: "payment_completed" }>,
): string[] {
  // NaN, not null, stands for "no exact amount": one finiteness test then covers absent and garbled.
  const exact = event.amountUsd == null ? Number.NaN : Number(event.amountUsd);
  const hasExact = Number.isFinite(exact);
  const amountCents = hasExact ? Math.round(exact * 100) : event.amountCents;
  if (amountCents === null) return ["the payment did not say its amount"];
  const problems: string[] = [];
  if (amountCents !== totalCents) {
    problems.push(`paid ${formatCents(amountCents)} for an order of ${formatCents(totalCents)}`);
  }
  const amount = hasExact ? exact : amountCents / 100;
  const paid = event.paidUsd === null ? null : Number(event.paidUsd);
  if (paid !== null && !(paid >= amount)) {
    problems.push(`inconsistent amounts: paidUsd $${event.paidUsd} is below the amount $${amount}`);
  }
  return problems;
}

function formatCents(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}
