// Refunds (spec §6 "Refunds", §12): the Refund object (the answer of the initiate route, the items
// of the refund lists, the data of `refund.requested` / `refund.completed` / `refund.denied`) and
// the RefundSummary a Payment read carries, mapped to our own types. A refund is a transaction of
// its own: QBitFlow creates it `pending`, and no money moves until the merchant signs the transfer
// in QBitFlow's dashboard (`approved`, with a txHash) or turns it down (`rejected`).
import { z } from "zod";
import { optionalNumber, optionalText, optionalTimestamp, unused } from "./wire-values";

/** QBitFlow's refund statuses; an unknown one is kept as sent (QBitFlow may add statuses). */
export type RefundState = "pending" | "approved" | "rejected" | (string & Record<never, never>);

/** Who started it: the customer (a request the merchant answers) or the merchant. */
export type RefundInitiator = "customer" | "merchant" | (string & Record<never, never>);

export interface Refund {
  /** `refund@…`. */
  id: string;
  /** The refunded payment (`pay@…`): for us, the order's checkout session id. */
  txUuid: string;
  status: RefundState;
  initiatedBy: RefundInitiator | null;
  /** The customer's reason, or the merchant's when the merchant started it. */
  reason: string | null;
  merchantMessage: string | null;
  /** The share of what the customer paid that is sent back, as the decimal QBitFlow sent. */
  refundPercent: number | null;
  /** What the refund sends back in USD. */
  amountUsd: number | null;
  txHash: string | null;
  explorerUrl: string | null;
  createdAt: Date | null;
  respondedAt: Date | null;
}

/** The `refund` of a Payment read from the API: never in webhooks. */
export interface RefundSummary {
  id: string;
  status: RefundState;
  initiatedBy: RefundInitiator | null;
  refundPercent: number | null;
  amountUsd: number | null;
  createdAt: Date | null;
  respondedAt: Date | null;
}

/** What a Payment read says about refunding it (API reads only). */
export interface PaymentRefundFacts {
  refund: RefundSummary | null;
  /** Null when the answer did not say (a webhook payload, an older API). */
  refundable: boolean | null;
  /** `refundExists`, `heldFundsReleased`, or a reason QBitFlow adds later, as sent. */
  notRefundableReason: string | null;
}

export const refundWireSchema = z.object({
  uuid: z.string().min(1),
  txUuid: z.string().min(1),
  status: z.string().min(1),
  initiatedBy: optionalText,
  reason: unused(optionalText, null),
  merchantMessage: unused(optionalText, null),
  refundPercent: optionalNumber,
  amountUsd: optionalNumber,
  txHash: optionalText,
  explorerUrl: unused(optionalText, null),
  createdAt: unused(optionalTimestamp, null),
  respondedAt: unused(optionalTimestamp, null),
});

export function toRefund(wire: z.output<typeof refundWireSchema>): Refund {
  return {
    id: wire.uuid,
    txUuid: wire.txUuid,
    status: wire.status,
    initiatedBy: wire.initiatedBy,
    reason: wire.reason,
    merchantMessage: wire.merchantMessage,
    refundPercent: wire.refundPercent,
    amountUsd: wire.amountUsd,
    txHash: wire.txHash,
    explorerUrl: wire.explorerUrl,
    createdAt: wire.createdAt,
    respondedAt: wire.respondedAt,
  };
}

export const refundSchema = refundWireSchema.transform(toRefund);

export const refundSummarySchema = z
  .object({
    uuid: z.string().min(1),
    status: z.string().min(1),
    initiatedBy: optionalText,
    refundPercent: optionalNumber,
    amountUsd: optionalNumber,
    createdAt: unused(optionalTimestamp, null),
    respondedAt: unused(optionalTimestamp, null),
  })
  .transform((wire): RefundSummary => ({
    id: wire.uuid,
    status: wire.status,
    initiatedBy: wire.initiatedBy,
    refundPercent: wire.refundPercent,
    amountUsd: wire.amountUsd,
    createdAt: wire.createdAt,
    respondedAt: wire.respondedAt,
  }));

/** The refund fields of a Payment read; a malformed `refund` fails the read (`invalid_response`). */
export const paymentRefundWireFields = {
  refund: refundSummarySchema.nullish().transform((value) => value ?? null),
  refundable: z
    .boolean()
    .nullish()
    .transform((value) => value ?? null),
  notRefundableReason: optionalText,
};

/** A page of a refund list (`{items, nextCursor}`). */
export const refundPageSchema = z
  .object({
    items: z.array(refundSchema).nullish(),
    nextCursor: optionalText,
  })
  .transform((wire) => ({ items: wire.items ?? [], nextCursor: wire.nextCursor }));

export interface InitiateRefundParams {
  /** The payment to refund (`pay@…`). */
  txUuid: string;
  /** 0 < p ≤ 100, at most 2 decimals; QBitFlow's default is 100. */
  refundPercent?: number;
  /** At most 500 characters. */
  reason?: string;
  /** At most 500 characters, shown to the customer. */
  merchantMessage?: string;
}

/** The JSON body of `POST /transaction/refunds/initiate`. Throws TypeError on misuse. */
export function initiateRefundBody(params: InitiateRefundParams): Record<string, unknown> {
  if (params.txUuid === "") throw new TypeError("initiateRefund: txUuid must not be empty");
  const percent = params.refundPercent;
  if (percent !== undefined && !isRefundPercent(percent)) {
    throw new TypeError(
      `initiateRefund: refundPercent must be > 0 and ≤ 100 with ≤ 2 decimals, got ${percent}`,
    );
  }
  for (const field of ["reason", "merchantMessage"] as const) {
    if ((params[field]?.length ?? 0) > 500) {
      throw new TypeError(`initiateRefund: ${field} must be at most 500 characters`);
    }
  }
  return {
    txUuid: params.txUuid,
    refundPercent: percent,
    reason: params.reason || undefined,
    merchantMessage: params.merchantMessage || undefined,
  };
}

/** QBitFlow's rule for a refund percent: 0 < p ≤ 100, at most two decimals. */
export function isRefundPercent(value: number): boolean {
  // The decimal digits as JSON will carry them: 12.5 and 33.33 pass, 12.345 and 1e-7 do not.
  return value > 0 && value <= 100 && /^\d{1,3}(\.\d{1,2})?$/.test(String(value));
}
