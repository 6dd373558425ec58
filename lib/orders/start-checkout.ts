// Checkout, from a cart to QBitFlow's hosted payment page:
// 1. a PENDING order with its stock reserved (store/place-order.ts);
// 2. a QBitFlow checkout session for exactly that order, idempotent per order, so a retry or a
//    double submit can never open two sessions;
// 3. when QBitFlow says no, the order is kept as a failed start and its stock released.
// With the customer's submission key and identity (`customer`), a repeated submission is sent to
// the first one's payment page, and a customer can hold only so many unpaid orders at once.
import "server-only";
import { getEnv } from "@/lib/env";
import { getQBitFlowClient, type QBitFlowClient } from "@/lib/qbitflow";
import { applyOrderEvent } from "./apply-order-event";
import { checkoutIdempotencyKey, checkoutSessionRequest } from "./checkout-session-request";
import {
  attachCheckoutSession,
  CheckoutRefused,
  createPendingOrder,
  type Buyer,
  type OrderLine,
  type PlacedOrder,
} from "./order-store";
import { describeStartFailure } from "./start-failure";

export type StartCheckoutResult =
  | { ok: true; orderId: string; link: string }
  | { ok: false; code: string; message: string; orderId?: string };

export interface CheckoutDependencies {
  /** Defaults to the configured client; tests pass one that fails on purpose. */
  qbitflow?: QBitFlowClient;
}

export async function startCheckout(
  input: { lines: OrderLine[]; email?: string; customer?: { checkoutKey: string; buyer: Buyer } },
  dependencies: CheckoutDependencies = {},
): Promise<StartCheckoutResult> {
  const env = getEnv();
  const { customer, ...placing } = input;
  const guard = customer && {
    ...customer,
    limits: { perBuyer: env.CHECKOUT_MAX_OPEN_ORDERS, perAddress: env.CHECKOUT_MAX_OPEN_ORDERS_PER_ADDRESS },
    expiresInMinutes: env.CHECKOUT_EXPIRES_IN_MINUTES,
  };
  let order: PlacedOrder;
  try {
    order = await createPendingOrder({ ...placing, guard });
  } catch (error) {
    if (error instanceof CheckoutRefused) return { ok: false, code: error.code, message: error.message };
    throw error;
  }

  // The same submission again: its order's payment page, once the first request has it.
  if (order.reused && order.checkoutLink) return { ok: true, orderId: order.id, link: order.checkoutLink };
  try {
    // For a reused order whose session is still being created, the same Idempotency-Key waits
    // for that request (409 idempotency_key_in_use is retried) and answers with its session.
    const qbitflow = dependencies.qbitflow ?? getQBitFlowClient();
    const session = await qbitflow.createPaymentSession(checkoutSessionRequest(order), {
      idempotencyKey: checkoutIdempotencyKey(order.id),
    });
    await attachCheckoutSession(order.id, {
      qbitflowSessionId: session.id,
      checkoutLink: session.link,
      expiresAt: session.expiresAt,
    });
    return { ok: true, orderId: order.id, link: session.link };
  } catch (error) {
    const failure = describeStartFailure(error);
    console.error(`[checkout] order ${order.id} could not start: ${failure.detail}`);
    await applyOrderEvent(
      order.id,
      { type: "start_failed", code: failure.code, message: failure.detail.slice(0, 1000) },
      { source: "checkout" },
    );
    return { ok: false, code: failure.code, message: failure.message, orderId: order.id };
  }
}
