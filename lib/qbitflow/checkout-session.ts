// Payment checkout sessions (spec §2.1, §2.3, §3.1): the create body we send and the two answers
// we read back, mapped to our own types.
import { z } from "zod";
import { optionalText, optionalTimestamp } from "./wire-values";

export interface CreatePaymentSessionParams {
  // Product: exactly one of `productUuid`, `productReference`, or an inline product
  // (`productName` + `priceCents`, `description` optional). All v2 SDKs check this before sending.
  productUuid?: string;
  productReference?: string;
  /** Inline product name, 2–100 characters, one line. */
  productName?: string;
  /** Inline description, 2–500 characters. */
  description?: string;
  /**
   * Inline price in integer US cents, sent as the USD JSON number QBitFlow expects (499 → 4.99).
   * Cents because the app counts money in cents; 499 / 100 serializes as exactly "4.99".
   */
  priceCents?: number;
  /** Our order id: 1–100 of `A-Z a-z 0-9 . _ : @ -`, unique per space while a session is open. */
  reference?: string;
  /** May contain `{{UUID}}` and `{{TRANSACTION_TYPE}}`, substituted by QBitFlow on redirect. */
  successUrl?: string;
  cancelUrl?: string;
  customerUuid?: string;
  customerReference?: string;
  /** 10–1440; absent means the server's default. */
  expiresInMinutes?: number;
}

/** The JSON body of `POST /transaction/session-checkout/new/payment`. Throws TypeError on misuse. */
export function paymentSessionBody(params: CreatePaymentSessionParams): Record<string, unknown> {
  const inline = params.productName !== undefined || params.priceCents !== undefined;
  const choices = [params.productUuid !== undefined, params.productReference !== undefined, inline];
  if (choices.filter(Boolean).length !== 1) {
    throw new TypeError(
      "createPaymentSession: give exactly one of productUuid, productReference, or productName + priceCents",
    );
  }
  if (inline && (params.productName === undefined || params.priceCents === undefined)) {
    throw new TypeError("createPaymentSession: an inline product needs both productName and priceCents");
  }
  if (
    params.priceCents !== undefined &&
    !(Number.isSafeInteger(params.priceCents) && params.priceCents > 0)
  ) {
    throw new TypeError(
      `createPaymentSession: priceCents must be a positive integer, got ${params.priceCents}`,
    );
  }
  // JSON.stringify drops the undefined entries, so only what the caller gave goes on the wire.
  return {
    productUuid: params.productUuid,
    productReference: params.productReference,
    productName: params.productName,
    description: params.description,
    price: params.priceCents === undefined ? undefined : params.priceCents / 100,
    reference: params.reference,
    successUrl: params.successUrl,
    cancelUrl: params.cancelUrl,
    customerUuid: params.customerUuid,
    customerReference: params.customerReference,
    expiresInMinutes: params.expiresInMinutes,
  };
}

export interface CheckoutSession {
  /** `pay@…`: the session id, and later the id of the payment it creates. */
  id: string;
  /** The hosted checkout page to redirect the customer to. */
  link: string;
  expiresAt: Date | null;
}

// The link becomes a redirect target, so anything but an absolute http(s) URL is refused.
const httpUrl = z.string().refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), {
  message: "not an absolute http(s) URL",
});

export const checkoutSessionSchema = z
  .object({ uuid: z.string().min(1), link: httpUrl, expiresAt: optionalTimestamp })
  .transform((wire): CheckoutSession => ({ id: wire.uuid, link: wire.link, expiresAt: wire.expiresAt }));

/** The four v2 statuses (spec §3.1); "unknown" stands for any value added later. */
export type SessionStatusValue = "created" | "waitingConfirmation" | "completed" | "expired" | "unknown";

const KNOWN_STATUSES: ReadonlySet<string> = new Set([
  "created",
  "waitingConfirmation",
  "completed",
  "expired",
]);

/** The customer's last failed attempt. Not final: they can try again until the session expires. */
export interface LastAttempt {
  /** e.g. `insufficient_funds`, `token_not_approved`, `reverted`. */
  code: string | null;
  message: string | null;
  txHash: string | null;
  at: Date | null;
}

export interface SessionStatus {
  id: string;
  status: SessionStatusValue;
  /** The status text as sent; differs from `status` only when that is "unknown". */
  rawStatus: string;
  /** The customer's transaction once sent. */
  txHash: string | null;
  /** Optional detail, e.g. why the session expired. */
  message: string | null;
  lastAttempt: LastAttempt | null;
}

export const sessionStatusSchema = z
  .object({
    uuid: z.string().min(1),
    status: z.string(),
    txHash: optionalText,
    message: optionalText,
    lastAttempt: z
      .object({ code: optionalText, message: optionalText, txHash: optionalText, at: optionalTimestamp })
      .nullish(),
  })
  .transform((wire): SessionStatus => ({
    id: wire.uuid,
    status: KNOWN_STATUSES.has(wire.status) ? (wire.status as SessionStatusValue) : "unknown",
    rawStatus: wire.status,
    txHash: wire.txHash,
    message: wire.message,
    lastAttempt: wire.lastAttempt
      ? {
          code: wire.lastAttempt.code,
          message: wire.lastAttempt.message,
          txHash: wire.lastAttempt.txHash,
          at: wire.lastAttempt.at,
        }
      : null,
  }));
