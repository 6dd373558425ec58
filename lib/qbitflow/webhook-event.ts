// Parses a webhook body, after its signature was verified, into a typed v2 event (spec §5.2,
// §5.3). Never throws on input: every problem is a typed failure, and an event type this starter
// does not handle is a normal `unknown` event (QBitFlow adds types; we must still answer 2xx).
import { z } from "zod";
import { paymentWireSchema, toPayment, type Payment } from "./payment";
import { refundSchema, type Refund } from "./refund";
import { optionalFlag, optionalNumber, optionalText, optionalTimestamp, unused } from "./wire-values";

interface EventBase {
  /** `evt_…`, the same on every redelivery: deduplicate on it. */
  id: string;
  createdAt: Date | null;
  test: boolean;
  /** The member space the event happened in; null for the organization's own space. */
  userUuid: string | null;
}

export interface PaymentCompletedEvent extends EventBase {
  type: "payment.completed";
  data: Payment & { managementPageLink: string | null };
}

/** The session data of `checkout.expired` (PaymentSessionData or SubscriptionSessionData). */
export interface ExpiredCheckout {
  /** `pay@…` or `sub@…`. */
  id: string;
  reference: string | null;
  /** "payment", or "createSubscription" for subscription sessions; kept as sent. */
  txType: string;
  productName: string | null;
  /** The session total (price + fee lines) in USD; falls back to `price` for older payloads. */
  amountUsd: number | null;
  test: boolean;
  createdAt: Date | null;
  expiresAt: Date | null;
}

export interface CheckoutExpiredEvent extends EventBase {
  type: "checkout.expired";
  data: ExpiredCheckout;
}

/** `refund.requested` (a customer asked), `refund.completed` (sent), `refund.denied`: the Refund. */
export interface RefundEvent extends EventBase {
  type: "refund.requested" | "refund.completed" | "refund.denied";
  data: Refund;
}

/** The dashboard's (or sandbox's) test delivery: answer 2xx, do nothing else. */
export interface WebhookTestEvent extends EventBase {
  type: "webhook.test";
  data: { endpointUuid: string | null; message: string | null };
}

/** Any type this starter does not act on; `rawType` is the type as sent. */
export interface UnknownWebhookEvent extends EventBase {
  type: "unknown";
  rawType: string;
  data: unknown;
}

export type WebhookEvent =
  PaymentCompletedEvent | CheckoutExpiredEvent | RefundEvent | WebhookTestEvent | UnknownWebhookEvent;

export type WebhookEventFailure =
  /** Not UTF-8 JSON. */
  | "malformedJson"
  /** JSON, but not a v2 envelope (`id`, `type`, `test`, `createdAt`, `data`). */
  | "malformedEnvelope"
  /** `version` is not "v2": a v1 payload from an endpoint not yet migrated (spec §5.2). */
  | "unsupportedVersion"
  /** A type we handle whose `data` does not have the documented shape. */
  | "malformedData";

export type ParseWebhookEventResult =
  { ok: true; event: WebhookEvent } | { ok: false; reason: WebhookEventFailure; message: string };

// Only what the starter acts on is required (the id to deduplicate on, the type, the data);
// the rest decodes to null / false whatever arrives, as in QBitFlow's SDKs (spec §12).
const envelopeSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  createdAt: unused(optionalTimestamp, null),
  test: unused(optionalFlag, false),
  userUuid: unused(optionalText, null),
  data: z.unknown(),
});

const paymentCompletedSchema = paymentWireSchema
  .extend({ managementPageLink: unused(optionalText, null) })
  .transform((wire) => ({ ...toPayment(wire), managementPageLink: wire.managementPageLink }));

const expiredCheckoutSchema = z
  .object({
    uuid: z.string().min(1),
    reference: optionalText,
    // Kept as sent (unknown values too); absent or null reads as a payment session.
    txType: unused(optionalText, null),
    productName: unused(optionalText, null),
    amount: unused(optionalNumber, null),
    price: unused(optionalNumber, null),
    test: unused(optionalFlag, false),
    createdAt: unused(optionalTimestamp, null),
    expiresAt: unused(optionalTimestamp, null),
  })
  .transform((wire): ExpiredCheckout => ({
    id: wire.uuid,
    reference: wire.reference,
    txType: wire.txType ?? "payment",
    productName: wire.productName,
    amountUsd: wire.amount ?? wire.price,
    test: wire.test,
    createdAt: wire.createdAt,
    expiresAt: wire.expiresAt,
  }));

const webhookTestSchema = z
  .object({ endpointUuid: unused(optionalText, null), message: unused(optionalText, null) })
  .transform((wire) => ({ endpointUuid: wire.endpointUuid, message: wire.message }));

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
}

function decode(rawBody: string | Uint8Array): unknown {
  // fatal: invalid UTF-8 is a malformed body, not text with replacement characters.
  const text =
    typeof rawBody === "string" ? rawBody : new TextDecoder("utf-8", { fatal: true }).decode(rawBody);
  return JSON.parse(text);
}

/** Parses a verified raw body. Call verifyWebhookSignature first: this trusts what it reads. */
export function parseWebhookEvent(rawBody: string | Uint8Array): ParseWebhookEventResult {
  let json: unknown;
  try {
    json = decode(rawBody);
  } catch (error) {
    return {
      ok: false,
      reason: "malformedJson",
      message: error instanceof Error ? error.message : String(error),
    };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, reason: "malformedEnvelope", message: "the body is not a JSON object" };
  }
  // Checked first: a v1 body has no `version` and a different shape altogether.
  const version: unknown = (json as Record<string, unknown>).version;
  if (version !== "v2") {
    const shown = version === undefined ? "missing" : JSON.stringify(version);
    return { ok: false, reason: "unsupportedVersion", message: `version is ${shown}, expected "v2"` };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, reason: "malformedEnvelope", message: describe(envelope.error) };
  const { type, data, ...base } = envelope.data;

  switch (type) {
    case "payment.completed":
      return withData(paymentCompletedSchema, type, data, (value) => ({ ...base, type, data: value }));
    case "checkout.expired":
      return withData(expiredCheckoutSchema, type, data, (value) => ({ ...base, type, data: value }));
    case "refund.requested":
    case "refund.completed":
    case "refund.denied":
      return withData(refundSchema, type, data, (value) => ({ ...base, type, data: value }));
    case "webhook.test":
      return withData(webhookTestSchema, type, data, (value) => ({ ...base, type, data: value }));
    default:
      return { ok: true, event: { ...base, type: "unknown", rawType: type, data } };
  }
}

function withData<T>(
  schema: z.ZodType<T, unknown>,
  type: string,
  data: unknown,
  build: (value: T) => WebhookEvent,
): ParseWebhookEventResult {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, event: build(parsed.data) };
  return { ok: false, reason: "malformedData", message: `${type}: ${describe(parsed.error)}` };
}
