/**
 * The JSON shapes of a refund (spec §12): the Refund of webhooks, the API's richer read, and the
 * RefundSummary a Payment read carries. API-only fields never reach webhook data.
 */
import type { PaymentRefundFields } from "../checkout/payment";
import type { PaymentRecord, RefundRecord } from "../types";
import type { Refunds } from "./refunds";

/** The Refund as `refund.*` events carry it. */
export function refundEventData(refund: RefundRecord): Record<string, unknown> {
  return {
    uuid: refund.uuid,
    txUuid: refund.txUuid,
    reason: refund.reason,
    status: refund.status,
    createdAt: refund.createdAt,
    respondedAt: refund.respondedAt,
    merchantMessage: refund.merchantMessage,
    test: refund.mode === "test",
    userUuid: null,
    txHash: refund.txHash,
    chain: refund.chain,
    explorerUrl: refund.explorerUrl,
    initiatedBy: refund.initiatedBy,
    held: false,
    paidMinUnits: refund.paidMinUnits,
    paidUsd: refund.paidUsd,
    refundPercent: refund.refundPercent,
    amountMinUnits: refund.amountMinUnits,
    amountUsd: refund.amountUsd,
    currencyId: refund.currencyId,
    metadata: refund.metadata,
  };
}

/** The answer of `initiate` and the items of the refund lists: the event data plus API-only fields. */
export function refundApiView(
  refund: RefundRecord,
  payment: PaymentRecord | undefined,
): Record<string, unknown> {
  return {
    ...refundEventData(refund),
    // The sandbox signs in one step, so there is never a signature being confirmed.
    approval: null,
    productName: typeof payment?.data.name === "string" ? payment.data.name : "",
    customer: null,
  };
}

/** `refund`, `refundable` and `notRefundableReason` of a Payment read from the API. */
export function paymentRefundFields(refunds: Refunds, payment: PaymentRecord): PaymentRefundFields {
  const refund = refunds.forPayment(payment.uuid);
  return { refund: refund ? refundSummary(refund) : null, ...refunds.refundability(payment) };
}

/** `refund` on a Payment read from the API. */
export function refundSummary(refund: RefundRecord): Record<string, unknown> {
  return {
    uuid: refund.uuid,
    status: refund.status,
    initiatedBy: refund.initiatedBy,
    refundPercent: refund.refundPercent,
    amountMinUnits: refund.amountMinUnits,
    amountUsd: refund.amountUsd,
    createdAt: refund.createdAt,
    respondedAt: refund.respondedAt,
  };
}
