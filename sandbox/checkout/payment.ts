/** Builds the Payment object of spec §3.4 once a session's transaction is confirmed. */
import type { SessionRecord } from "../types";
import { PLATFORM_FEE_PERCENT } from "./session-input";
import {
  currencyView,
  explorerUrl,
  fakeAddress,
  findCurrency,
  usdToMinUnits,
  type CurrencyDef,
} from "./currencies";

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

export interface Confirmation {
  currencyId: number;
  txHash: string;
  from: string;
  /**
   * What reached the merchant, network fee excluded (an over- or under-payment simulation);
   * null = exactly the session amount. Kept under its old name: it is in saved state files.
   */
  paidUsd: number | null;
}

export function buildPayment(
  session: SessionRecord,
  confirmation: Confirmation,
  confirmedAt: Date,
): Record<string, unknown> {
  const currency = findCurrency(confirmation.currencyId) as CurrencyDef;
  // Spec §12: `amount` is what was received, network fee excluded; `paidUsd` is that plus the fee
  // the wallet paid on top. A wrong payment changes what was received, so both move together.
  const received = round(confirmation.paidUsd ?? session.amount, 6);
  const platformUsd = round((received * PLATFORM_FEE_PERCENT) / 100, 6);
  const merchantUsd = round(received - platformUsd, 6);
  const paidUsd = round(received + currency.networkFeeUsd, 6);
  const blockTime = Math.floor(confirmedAt.getTime() / 1000) - 2;
  return {
    uuid: session.uuid,
    createdAt: confirmedAt.toISOString(),
    confirmedAt: new Date(blockTime * 1000).toISOString(),
    checkoutOpenedAt: session.checkoutOpenedAt ?? session.createdAt,
    from: confirmation.from,
    to: fakeAddress(currency.chain),
    name: session.productName,
    description: session.description ?? "",
    amount: received,
    amountMinUnits: usdToMinUnits(received, currency),
    paidMinUnits: usdToMinUnits(paidUsd, currency),
    paidUsd,
    currencyId: currency.id,
    currency: currencyView(currency, session.mode),
    chain: currency.chain,
    txHash: confirmation.txHash,
    explorerUrl: explorerUrl(currency.chain, confirmation.txHash, session.mode),
    ...(session.productUuid ? { productUuid: session.productUuid } : {}),
    ...(session.reference ? { reference: session.reference } : {}),
    ...(session.customerUuid ? { customerUuid: session.customerUuid } : {}),
    ...(session.customerReference ? { customerReference: session.customerReference } : {}),
    test: session.mode === "test",
    metadata: {
      feePercent: PLATFORM_FEE_PERCENT,
      txAmounts: {
        usd: { platform: platformUsd, merchant: merchantUsd, networkFee: currency.networkFeeUsd },
        minUnits: {
          platform: usdToMinUnits(platformUsd, currency),
          organization: "0",
          referral: "0",
          merchant: usdToMinUnits(merchantUsd, currency),
          networkFee: usdToMinUnits(currency.networkFeeUsd, currency),
        },
      },
      txMetadata: {
        networkFees: { amount: usdToMinUnits(currency.networkFeeUsd, currency), unitsConsumed: 95_000 },
        blockData: { number: String(Math.floor(blockTime / 2)), timestamp: blockTime },
      },
    },
  };
}

/** What API reads say about the payment's refund (spec §12); the refunds module computes it. */
export interface PaymentRefundFields {
  refund: Record<string, unknown> | null;
  refundable: boolean;
  notRefundableReason: string | null;
}

/** API reads add fields webhooks never carry (spec §3.4). */
export function paymentApiView(
  data: Record<string, unknown>,
  refundFields: PaymentRefundFields,
): Record<string, unknown> {
  return { ...data, customer: null, ...refundFields };
}
