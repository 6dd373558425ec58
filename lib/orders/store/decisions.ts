// What the store's writers are asked to write: the decisions of the pure rules
// (transition-rules.ts for the payment, refund-rules.ts for the refund). The store owns their
// shape, so it imports nothing above itself; the rules produce them.
import type { Order } from "@/lib/generated/prisma/client";
import type { OrderStatus, RefundStatus } from "@/lib/generated/prisma/enums";

/** The Order columns a decision may set. */
export type OrderChanges = Partial<
  Pick<
    Order,
    | "txHash"
    | "explorerUrl"
    | "chain"
    | "currencySymbol"
    | "paidAt"
    | "lastAttemptCode"
    | "lastAttemptMessage"
    | "lastAttemptAt"
    | "startErrorCode"
    | "startErrorMessage"
  >
> & {
  /** What the customer paid in USD, as QBitFlow's decimal string (the column is DECIMAL). */
  amountPaidUsd?: string | null;
};

export interface Decision {
  /** The status after the event (the same as before for a recorded detail such as a failed attempt). */
  status: OrderStatus;
  changes: OrderChanges;
  stock: "commit" | "release" | null;
  /** Set when a human must look at the order. */
  review: string | null;
  /** One line for the status history. */
  reason: string;
}

/** The Order columns a refund decision may set. */
export type RefundChanges = Partial<
  Pick<
    Order,
    | "refundUuid"
    | "refundInitiatedBy"
    | "refundReason"
    | "refundMerchantMessage"
    | "refundTxHash"
    | "refundExplorerUrl"
    | "refundRequestedAt"
    | "refundEndedAt"
    | "refundRestock"
  >
> & {
  /** Decimal strings: the columns are DECIMAL. */
  refundPercent?: string | null;
  refundAmountUsd?: string | null;
};

export interface RefundDecision {
  /** The refund status after the event (the same as before for a recorded detail). */
  refundStatus: RefundStatus;
  changes: RefundChanges;
  /** Put the order's units back in stock now (it happens once, when the refund completes). */
  restock: boolean;
  /** Set when a human must look at the order. */
  review: string | null;
  /** One line for the status history. */
  reason: string;
}
