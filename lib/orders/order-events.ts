// What can happen to an order, in our own terms. Webhooks, the success page, status checks and
// the sweep translate what QBitFlow says into these; the transition rules decide what they mean.
import type { OrderStatus } from "@/lib/generated/prisma/enums";

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
  | { type: "cancelled"; reason: string };

/** Who applied a change: kept in the status history. */
export type ChangeSource =
  "checkout" | "webhook" | "success_page" | "status_check" | "reconcile" | "customer" | "admin";

export const FINAL_STATUSES: ReadonlySet<OrderStatus> = new Set(["PAID", "EXPIRED", "CANCELLED"]);

export function isFinal(status: OrderStatus): boolean {
  return FINAL_STATUSES.has(status);
}
