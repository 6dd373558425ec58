// Orders whose checkout was interrupted between writing the order and saving its session (the
// process died there, or QBitFlow was slow and then the database blinked): PENDING, stock held,
// no session id. No webhook, redirect or status check can find them, so the sweep does, once
// the checkout has had time to finish on its own, and settles each with what QBitFlow knows:
// 1. a payment with the order's reference → applied as any payment is;
// 2. else the same create again (same body, same Idempotency-Key: QBitFlow answers with the
//    session it opened, or opens one now) → attached, then expired, and the order EXPIRED with
//    its stock released and the reason in its history;
// 3. when QBitFlow cannot say (the key is older than its 24 h, or the body changed since), the
//    order is expired once any session it had would have expired too.
import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { isQBitFlowError, type QBitFlowClient } from "@/lib/qbitflow";
import { applyOrderEvent, type ApplyResult } from "./apply-order-event";
import { checkoutIdempotencyKey, checkoutSessionRequest } from "./checkout-session-request";
import { paymentCompleted } from "./from-qbitflow";
import { attachCheckoutSession } from "./order-store";

/** A checkout takes seconds; after this long without a session it is not coming back. */
export const INTERRUPTED_AFTER_MS = 5 * 60_000;

export async function findInterruptedCheckouts(limit: number, now = Date.now()): Promise<{ id: string }[]> {
  return db.order.findMany({
    where: {
      status: "PENDING",
      stockState: "RESERVED",
      qbitflowSessionId: null,
      createdAt: { lt: new Date(now - INTERRUPTED_AFTER_MS) },
    },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true },
  });
}

const source = "reconcile" as const;

export async function settleInterruptedCheckout(
  orderId: string,
  client: QBitFlowClient,
): Promise<ApplyResult[]> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      totalCents: true,
      createdAt: true,
      items: { select: { name: true, variantTitle: true, unitPriceCents: true, quantity: true } },
    },
  });
  if (!order) return [];

  const payment = await client.getPaymentByReference(order.id);
  if (payment) return [await applyOrderEvent(order.id, paymentCompleted(payment), { source })];

  let sessionId: string;
  try {
    const session = await client.createPaymentSession(checkoutSessionRequest(order), {
      idempotencyKey: checkoutIdempotencyKey(order.id),
    });
    sessionId = session.id;
    await attachCheckoutSession(order.id, {
      qbitflowSessionId: session.id,
      checkoutLink: session.link,
      expiresAt: session.expiresAt,
    });
  } catch (error) {
    if (!isQBitFlowError(error) || error.retryable || !couldNoLongerBePaid(order.createdAt)) throw error;
    return [
      await expire(
        order.id,
        `checkout interrupted before its session was saved; QBitFlow could not name the session (${error.code}) and it would have expired by now`,
      ),
    ];
  }

  try {
    await client.expireSession(sessionId);
  } catch (error) {
    // Paid meanwhile: the order has its session now, so the usual sweep follows the payment.
    if (isQBitFlowError(error, "tx_already_sent")) return [];
    throw error;
  }
  return [
    await expire(
      order.id,
      "checkout interrupted before the customer reached the payment page; the sweep expired its session",
    ),
  ];
}

function couldNoLongerBePaid(createdAt: Date): boolean {
  const lifetimeMs = getEnv().CHECKOUT_EXPIRES_IN_MINUTES * 60_000;
  return Date.now() - createdAt.getTime() > lifetimeMs + INTERRUPTED_AFTER_MS;
}

function expire(orderId: string, message: string): Promise<ApplyResult> {
  return applyOrderEvent(orderId, { type: "session_expired", message }, { source });
}
