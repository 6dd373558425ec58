// What QBitFlow is asked to open for an order. Built from the order alone (its id, total and
// item snapshot) and the configuration, so the sweep can send the very same request again with
// the same Idempotency-Key and get back the session a crashed checkout had opened (QBitFlow keeps
// the answer for 24 h; a different body would be refused as idempotency_key_reused).
import "server-only";
import { getEnv } from "@/lib/env";
import type { CreatePaymentSessionParams } from "@/lib/qbitflow";
import { orderCode } from "@/lib/order-id";
import type { PendingOrder } from "./order-store";

export function checkoutIdempotencyKey(orderId: string): string {
  return `checkout-${orderId}`;
}

export function checkoutSessionRequest(order: PendingOrder): CreatePaymentSessionParams {
  const env = getEnv();
  return {
    productName: `Order ${orderCode(order.id)}`,
    description: describeItems(order.items),
    priceCents: order.totalCents,
    reference: order.id,
    // QBitFlow substitutes {{UUID}} with the session id on the redirect.
    successUrl: `${env.APP_URL}/checkout/success?order=${order.id}&session={{UUID}}`,
    cancelUrl: `${env.APP_URL}/checkout/cancel?order=${order.id}&session={{UUID}}`,
    expiresInMinutes: env.CHECKOUT_EXPIRES_IN_MINUTES,
  };
}

/**
 * "1 × Field notebook, 2 × Canvas tote (M / Sand)", within QBitFlow's 2–500 characters. Sorted,
 * so the same items always give the same text, whatever order they are read back in.
 */
export function describeItems(items: PendingOrder["items"]): string {
  const text = items
    .map((item) => `${item.quantity} × ${item.name}${item.variantTitle ? ` (${item.variantTitle})` : ""}`)
    .sort()
    .join(", ")
    .replace(/[<>]/g, "");
  return text.length > 500 ? `${text.slice(0, 499)}…` : text.padEnd(2, ".");
}
