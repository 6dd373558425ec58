// What can happen to an order, in our own terms. Webhooks, the success page, status checks and
// the sweep translate what QBitFlow says into these; the transition rules decide what they mean.
import type { OrderStatus, RefundStatus } from "@/lib/generated/prisma/enums";

export type OrderEvent =
  /** QBitFlow refused to open a checkout session for the order. */
  | { type: "start_failed"; code: string; message: string }
  /** The customer tried to pay and the attempt failed (not final: they may try again). */
  | {
      type: "attempt_failed";
      code: string | null;
      message: string | null;
      txHash: string | null;
      at: Date | null;
    }
  /** A transaction was sent; the chain has not confirmed it yet. */
  | { type: "payment_sent"; txHash: string | null }
  /** The payment is confirmed and recorded by QBitFlow. */
  | {
      type: "payment_completed";
      /** The session (= payment) id QBitFlow reports, when known. */
      sessionId: string | null;
      /** The amount received in integer USD cents, network fee excluded, when known (spec §12). */
      amountCents: number | null;
      /**
       * The same amount as QBitFlow sent it (a decimal string), for comparisons finer than a cent.
       * Optional for events built by hand; the rules then fall back to `amountCents`.
       */
      amountUsd?: string | null;
      /** What the customer's wallet sent in USD: `amount` plus the network fee, as a decimal string. */
      paidUsd: string | null;
      txHash: string | null;
      explorerUrl: string | null;
      chain: string | null;
      currencySymbol: string | null;
      confirmedAt: Date | null;
    }
  /** The checkout session expired unpaid. */
  | { type: "session_expired"; message: string | null }
  /** The customer cancelled, and QBitFlow confirmed the session can no longer be paid. */
  | { type: "cancelled"; reason: string }
  | RefundEvent;

/** What QBitFlow says about a paid order's refund (refund-rules.ts decides what it means). */
export type RefundEvent =
  /**
   * A refund exists and waits for the merchant: requested by the customer, or started by the
   * merchant (who must sign it in QBitFlow's dashboard). `restock` is the merchant's choice,
   * known only when the admin started it.
   */
  | ({ type: "refund_opened"; restock?: boolean } & RefundFacts)
  /** The merchant signed and the money was sent. */
  | ({ type: "refund_completed"; txHash: string | null; explorerUrl: string | null } & RefundFacts)
  /** The merchant turned it down (or QBitFlow rejected it): no money moved. */
  | ({ type: "refund_denied" } & RefundFacts);

export interface RefundFacts {
  /** `refund@…`. */
  refundId: string;
  /** "customer" or "merchant"; null when QBitFlow did not say. */
  initiatedBy: string | null;
  /** QBitFlow's percent and USD amount, as decimal strings (the columns are DECIMAL). */
  percent: string | null;
  amountUsd: string | null;
  reason: string | null;
  merchantMessage: string | null;
  /** When it was created (opened) or answered (completed, denied). */
  at: Date | null;
}

export function isRefundEvent(event: OrderEvent): event is RefundEvent {
  return event.type.startsWith("refund_");
}

/** Who applied a change: kept in the status history. */
export type { ChangeSource } from "@/lib/order-change";

export const FINAL_STATUSES: ReadonlySet<OrderStatus> = new Set(["PAID", "EXPIRED", "CANCELLED"]);

export function isFinal(status: OrderStatus): boolean {
  return FINAL_STATUSES.has(status);
}

/**
 * Nothing more will change on this order: closed unpaid, or paid with its refund answered. A paid
 * order without one may still be refunded (the merchant, or the customer's request), so its page
 * keeps listening.
 */
export function isSettled(status: OrderStatus, refundStatus: RefundStatus | null): boolean {
  if (status === "PAID") return refundStatus === "REFUNDED" || refundStatus === "DENIED";
  return isFinal(status);
}
