// The v2 Payment (spec §3.4): what `GET /transaction/payment/…` returns and what a
// `payment.completed` webhook carries. One schema for both so the API read and the webhook can
// never disagree about what a payment looks like to the rest of the app.
import { z } from "zod";
import { optionalNumber, optionalText, optionalTimestamp } from "./wire-values";

/** A confirmed payment, in our own terms. Only the fields the starter uses; the wire has more. */
export interface Payment {
  /** `pay@…`: the same id as the checkout session that created it. */
  id: string;
  /** Our order reference, as given when the session was created. */
  reference: string | null;
  /**
   * The amount charged in USD (price + fee lines), exactly the JSON number QBitFlow sent. USD
   * amounts are JSON numbers on the wire, so a float is the only lossless representation here.
   */
  amountUsd: number;
  /** `amountUsd` in integer cents, for comparing with order totals (the app counts in cents). */
  amountCents: number;
  /** What the customer actually paid in USD, network fee included: above `amountUsd`, sub-cent. */
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
  /** Test-mode payment (testnet, faucet funds): never fulfil one in a live shop. */
  test: boolean;
}

export const paymentWireSchema = z.object({
  uuid: z.string().min(1),
  reference: optionalText,
  amount: z.number().nonnegative(),
  paidUsd: optionalNumber,
  chain: optionalText,
  currency: z.object({ symbol: optionalText }).nullish(),
  txHash: optionalText,
  explorerUrl: optionalText,
  customerUuid: optionalText,
  customerReference: optionalText,
  productUuid: optionalText,
  createdAt: optionalTimestamp,
  confirmedAt: optionalTimestamp,
  test: z.boolean(),
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
    amountCents: usdToCents(wire.amount),
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
