// THE place for the merchant's own follow-up to a paid order: ship it, grant a licence, add the
// buyer to a CRM. It runs as an outbox job after the payment has committed, never inside the
// payment's transaction, so it cannot block or undo the webhook.
//
// At least once: after a crash or a timeout it runs again, so make it idempotent with
// `context.idempotencyKey` ("fulfilment:<orderId>", the same on every attempt): pass it on as
// your own API's idempotency key, or remember it. Throw to retry (with backoff, up to 8 attempts,
// then the job is dead and the admin shows it with a Retry button); return a short line to show
// in the admin as what happened.
//
// The shipped example posts the order to FULFILMENT_WEBHOOK_URL, signed the Standard Webhooks
// way with FULFILMENT_WEBHOOK_SECRET. Replace or extend it.
import "server-only";
import { getEnv } from "@/lib/env";
import type { MailOrder } from "@/lib/mail/order-for-mail";
import { standardWebhookHeaders } from "./standard-webhooks";

/** The paid order, its items and its payment. */
export type PaidOrder = MailOrder;

export interface FulfilmentContext {
  idempotencyKey: string;
  /** Aborted when the job runs out of time (60 s). */
  signal: AbortSignal;
}

export async function onOrderPaid(order: PaidOrder, context: FulfilmentContext): Promise<string> {
  const { FULFILMENT_WEBHOOK_URL: url, FULFILMENT_WEBHOOK_SECRET: secret } = getEnv();
  if (!url) return "nothing to do: FULFILMENT_WEBHOOK_URL is not set";
  if (!secret) throw new Error("FULFILMENT_WEBHOOK_URL is set but FULFILMENT_WEBHOOK_SECRET is not");

  const body = JSON.stringify({
    type: "order.paid",
    timestamp: new Date().toISOString(),
    data: {
      id: order.id,
      code: order.code,
      email: order.email,
      totalCents: order.totalCents,
      items: order.items,
      payment: {
        txHash: order.txHash,
        explorerUrl: order.explorerUrl,
        chain: order.chain,
        currency: order.currencySymbol,
        amountPaidUsd: order.amountPaidUsd,
        paidAt: order.paidAt?.toISOString() ?? null,
      },
      needsReview: order.needsReview,
    },
  });
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...standardWebhookHeaders(secret, context.idempotencyKey, body),
    },
    body,
    signal: context.signal,
  });
  if (!response.ok) {
    const text = (await response.text().catch(() => "")).slice(0, 200);
    throw new Error(`the fulfilment endpoint answered ${response.status}${text ? `: ${text}` : ""}`);
  }
  return `posted to ${new URL(url).host} (${response.status})`;
}
