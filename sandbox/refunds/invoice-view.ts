/** What the customer's invoice page shows: the payment and where its refund stands. */
import { findCurrency } from "../checkout/currencies";
import type { PaymentRecord, RefundRecord, SessionRecord } from "../types";
import type { Refunds } from "./refunds";

export interface InvoiceView {
  uuid: string;
  test: boolean;
  organizationName: string;
  productName: string;
  /** The checkout's status: only a completed one is an invoice. */
  status: SessionRecord["status"];
  payment: {
    amountUsd: number;
    paidUsd: number;
    paidWith: string;
    txHash: string;
    explorerUrl: string;
    confirmedAt: string;
  } | null;
  refund: Pick<
    RefundRecord,
    | "uuid"
    | "status"
    | "initiatedBy"
    | "refundPercent"
    | "amountUsd"
    | "reason"
    | "merchantMessage"
    | "explorerUrl"
    | "createdAt"
    | "respondedAt"
  > | null;
  refundable: boolean;
  notRefundableReason: string | null;
}

export function invoiceView(
  session: SessionRecord,
  payment: PaymentRecord | undefined,
  refunds: Refunds,
  organizationName: string,
): InvoiceView {
  const refund = payment ? refunds.forPayment(payment.uuid) : undefined;
  const refundability = payment
    ? refunds.refundability(payment)
    : { refundable: false, notRefundableReason: null };
  const data = payment?.data ?? {};
  return {
    uuid: session.uuid,
    test: session.mode === "test",
    organizationName,
    productName: session.productName,
    status: session.status,
    payment: payment
      ? {
          amountUsd: Number(data.amount),
          paidUsd: Number(data.paidUsd),
          paidWith: findCurrency(Number(data.currencyId))?.label ?? "crypto",
          txHash: String(data.txHash ?? ""),
          explorerUrl: String(data.explorerUrl ?? ""),
          confirmedAt: String(data.confirmedAt ?? ""),
        }
      : null,
    refund: refund
      ? {
          uuid: refund.uuid,
          status: refund.status,
          initiatedBy: refund.initiatedBy,
          refundPercent: refund.refundPercent,
          amountUsd: refund.amountUsd,
          reason: refund.reason,
          merchantMessage: refund.merchantMessage,
          explorerUrl: refund.explorerUrl,
          createdAt: refund.createdAt,
          respondedAt: refund.respondedAt,
        }
      : null,
    ...refundability,
  };
}
