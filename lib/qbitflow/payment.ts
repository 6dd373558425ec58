// The v2 Payment (spec §3.4): what `GET /transaction/payment/…` returns and what a
// `payment.completed` webhook carries. One schema for both so the API read and the webhook can
// never disagree about what a payment looks like to the rest of the app. Only the id is required:
// like QBitFlow's SDKs, absent fields decode to null (false for `test`), so a field QBitFlow
// leaves out never stops fulfilment; a payment without an amount is then flagged for review.
import { z } from "zod";
import { paymentRefundWireFields, type PaymentRefundFacts } from "./refund";
import { optionalFlag, optionalNumber, optionalText, optionalTimestamp, unused } from "./wire-values";

/** A confirmed payment, in our own terms. Only the fields the starter uses; the wire has more. */
export interface Payment {
  /** `pay@…`: the same id as the checkout session that created it. */
  id: string;
  /** Our order reference, as given when the session was created. */
  reference: string | null;
  /**
   * What the merchant received in USD, network fee excluded (spec §12): normally the session's
   * price + fee lines. Exactly the JSON number QBitFlow sent (USD amounts are JSON numbers on the
   * wire, so a float is the only lossless representation here); null when it was not sent.
   */
  amountUsd: number | null;
  /** `amountUsd` in integer cents, for comparing with order totals (the app counts in cents). */
  amountCents: number | null;
  /** Everything the customer's wallet sent in USD: `amountUsd` plus the network fee. */
  paidUsd: number | null;
  /** "ETH" | "BASE" | "SOL" today; any new chain is kept as sent. */
  chain: string | null;
  /** The token paid with, e.g. "USDC". */
  currencySymbol: string | null;
  txHash: string | null;
  explorerUrl: string | null;
  customerUuid: string | null;
  customerReference: string | null;
  productUuid: string | null;
  createdAt: Date | null;
  confirmedAt: Date | null;
  /** Test-mode payment (testnet, faucet funds); false when QBitFlow leaves it out. */
  test: boolean;
}

// Fields the starter reads may be absent or null, but a value of another type means the wire
// format changed, and that is refused loudly (`invalid_response`). Fields it only keeps are `unused`.
export const paymentWireSchema = z.object({
  uuid: z.string().min(1),
  reference: optionalText,
  amount: optionalNumber,
  paidUsd: optionalNumber,
  chain: optionalText,
  currency: z.object({ symbol: optionalText }).nullish(),
  txHash: optionalText,
  explorerUrl: optionalText,
  confirmedAt: optionalTimestamp,
  customerUuid: unused(optionalText, null),
  customerReference: unused(optionalText, null),
  productUuid: unused(optionalText, null),
  createdAt: unused(optionalTimestamp, null),
  test: unused(optionalFlag, false),
});

export type PaymentWire = z.output<typeof paymentWireSchema>;

/** Whole cents of a USD amount; rounding absorbs binary-float noise such as 4.99 * 100. */
export function usdToCents(usd: number): number {
  return Math.round(usd * 100);
}

export function toPayment(wire: PaymentWire): Payment {
  return {
    id: wire.uuid,
    reference: wire.reference,
    amountUsd: wire.amount,
    amountCents: wire.amount === null ? null : usdToCents(wire.amount),
    paidUsd: wire.paidUsd,
    chain: wire.chain,
    currencySymbol: wire.currency?.symbol ?? null,
    txHash: wire.txHash,
    explorerUrl: wire.explorerUrl,
    customerUuid: wire.customerUuid,
    customerReference: wire.customerReference,
    productUuid: wire.productUuid,
    createdAt: wire.createdAt,
    confirmedAt: wire.confirmedAt,
    test: wire.test,
  };
}

export const paymentSchema = paymentWireSchema.transform(toPayment);

/** A Payment read from the API (not a webhook): it also says where its refund stands. */
export type PaymentRead = Payment & PaymentRefundFacts;

// The refund fields are details of the read: whatever arrives there must not refuse the payment
// itself (the sweep would otherwise never learn it was paid), so each decodes to null on surprise.
export const paymentReadSchema = paymentWireSchema
  .extend({
    refund: unused(paymentRefundWireFields.refund, null),
    refundable: unused(paymentRefundWireFields.refundable, null),
    notRefundableReason: unused(paymentRefundWireFields.notRefundableReason, null),
  })
  .transform((wire): PaymentRead => ({
    ...toPayment(wire),
    refund: wire.refund,
    refundable: wire.refundable,
    notRefundableReason: wire.notRefundableReason,
  }));
