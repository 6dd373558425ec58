// What the app imports: the configured client and our own QBitFlow types. The wire format stays
// inside this folder; nothing here is meant for the browser.
import "server-only";
import { getEnv } from "@/lib/env";
import { createQBitFlowClient, type QBitFlowClient } from "./client";

export { createQBitFlowClient } from "./client";
export type { CallOptions, CreateOptions, QBitFlowClient, QBitFlowClientOptions } from "./client";
export type {
  CheckoutSession,
  CreatePaymentSessionParams,
  LastAttempt,
  SessionStatus,
  SessionStatusValue,
} from "./checkout-session";
export { isQBitFlowError, QBitFlowError } from "./errors";
export type { FieldError, QBitFlowErrorCode } from "./errors";
export type { Me } from "./me";
export { usdToCents } from "./payment";
export type { Payment, PaymentRead } from "./payment";
export { isRefundPercent } from "./refund";
export type {
  InitiateRefundParams,
  PaymentRefundFacts,
  Refund,
  RefundInitiator,
  RefundState,
  RefundSummary,
} from "./refund";
export { parseWebhookEvent } from "./webhook-event";
export type {
  CheckoutExpiredEvent,
  ExpiredCheckout,
  ParseWebhookEventResult,
  PaymentCompletedEvent,
  RefundEvent,
  UnknownWebhookEvent,
  WebhookEvent,
  WebhookEventFailure,
  WebhookTestEvent,
} from "./webhook-event";
export { verifyWebhookSignature } from "./webhook-signature";
export type { WebhookSignatureFailure, WebhookSignatureResult } from "./webhook-signature";

let client: QBitFlowClient | undefined;

/**
 * The client for the configured QBitFlow (QBITFLOW_API_URL, QBITFLOW_API_KEY), made on first use
 * so importing this module never requires the key (e.g. during `next build`).
 */
export function getQBitFlowClient(): QBitFlowClient {
  if (client) return client;
  const env = getEnv();
  if (!env.QBITFLOW_API_KEY) {
    throw new Error(
      "QBITFLOW_API_KEY is not set: set it to a QBitFlow secret key (sk_…); for local development, the sandbox's key with QBITFLOW_API_URL pointing at the sandbox's /v2",
    );
  }
  client = createQBitFlowClient({ baseUrl: env.QBITFLOW_API_URL, apiKey: env.QBITFLOW_API_KEY });
  return client;
}
