/** The JSON shapes the API, the webhooks and the hosted page show for sessions and payments. */
import type { Mode, SessionRecord } from "../types";
import { CURRENCIES, findCurrency, formatTokenAmount, explorerUrl } from "./currencies";

/** `{{UUID}}` and `{{TRANSACTION_TYPE}}` are substituted on redirect, never appended (spec §2.5). */
export function substitutePlaceholders(url: string, uuid: string): string {
  return url.replaceAll("{{UUID}}", uuid).replaceAll("{{TRANSACTION_TYPE}}", "payment");
}

/** `GET …/{id}/status` → `{uuid, status, txHash?, message?, lastAttempt?}` (spec §2.3). */
export function statusView(session: SessionRecord): Record<string, unknown> {
  return {
    uuid: session.uuid,
    status: session.status,
    ...(session.txHash ? { txHash: session.txHash } : {}),
    ...(session.message ? { message: session.message } : {}),
    ...(session.lastAttempt ? { lastAttempt: session.lastAttempt } : {}),
  };
}

export function availableCurrencyIds(): number[] {
  return CURRENCIES.map((c) => c.id).sort((a, b) => a - b);
}

/** `checkout.expired` data: PaymentSessionData (spec §5.3). */
export function sessionDataView(session: SessionRecord, organizationName: string): Record<string, unknown> {
  return {
    uuid: session.uuid,
    ...(session.reference ? { reference: session.reference } : {}),
    ...(session.productUuid ? { productUuid: session.productUuid } : {}),
    ...(session.productReference ? { productReference: session.productReference } : {}),
    productName: session.productName,
    ...(session.description ? { description: session.description } : {}),
    price: session.price,
    ...(session.fees ? { fees: session.fees } : {}),
    amount: session.amount,
    ...(session.successUrl ? { successUrl: session.successUrl } : {}),
    ...(session.cancelUrl ? { cancelUrl: session.cancelUrl } : {}),
    ...(session.customerUuid ? { customerUuid: session.customerUuid } : {}),
    ...(session.customerReference ? { customerReference: session.customerReference } : {}),
    organizationName,
    test: session.mode === "test",
    txType: "payment",
    availableCurrencyIds: availableCurrencyIds(),
    createdAt: session.createdAt,
    expiresAt: session.expiresAt,
  };
}

/** What the hosted checkout page renders; also pushed over its WebSocket. */
export interface PageView {
  uuid: string;
  status: SessionRecord["status"];
  test: boolean;
  organizationName: string;
  productName: string;
  description: string | null;
  price: number;
  amount: number;
  fees: SessionRecord["fees"];
  expiresAt: string;
  message: string | null;
  lastAttempt: SessionRecord["lastAttempt"];
  txHash: string | null;
  explorerUrl: string | null;
  payingWith: string | null;
  successRedirect: string | null;
  hasCancelUrl: boolean;
  currencies: { id: number; label: string; chain: string; quote: string }[];
}

export function pageView(session: SessionRecord, organizationName: string): PageView {
  const paying = session.pending ? findCurrency(session.pending.currencyId) : undefined;
  const hash = session.pending?.txHash ?? session.txHash;
  const chain = paying?.chain;
  return {
    uuid: session.uuid,
    status: session.status,
    test: session.mode === "test",
    organizationName,
    productName: session.productName,
    description: session.description,
    price: session.price,
    amount: session.amount,
    fees: session.fees,
    expiresAt: session.expiresAt,
    message: session.message,
    lastAttempt: session.lastAttempt,
    txHash: hash,
    explorerUrl: hash && chain ? explorerUrl(chain, hash, session.mode) : null,
    payingWith: paying?.label ?? null,
    successRedirect: session.successUrl ? substitutePlaceholders(session.successUrl, session.uuid) : null,
    hasCancelUrl: session.cancelUrl !== null,
    currencies: CURRENCIES.map((c) => ({
      id: c.id,
      label: c.label,
      chain: c.chain,
      quote: formatTokenAmount(session.amount, c),
    })),
  };
}

export function modeOf(test: boolean): Mode {
  return test ? "test" : "live";
}
