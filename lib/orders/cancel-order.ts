// The customer cancels an unpaid order. QBitFlow is asked to expire the session first: only when
// it agrees can no payment arrive any more, and then the order is CANCELLED and its stock
// released. If the customer has already sent a payment, QBitFlow refuses and we say so.
import "server-only";
import { db } from "@/lib/db";
import { getQBitFlowClient, isQBitFlowError, type QBitFlowClient } from "@/lib/qbitflow";
import { applyToLockedOrder } from "./apply-order-event";
import { changeOrders, lockOrder } from "./order-store";
import { syncOrderWithQBitFlow } from "./sync-with-qbitflow";

export type CancelResult =
  | { ok: true; message: string; items: { variantId: string; quantity: number }[] }
  | { ok: false; message: string };

const IN_PROGRESS =
  "A payment for this order is already in progress, so it can't be cancelled. Its status is shown below.";

export async function cancelOrder(
  orderId: string,
  sessionId: string,
  dependencies: { client?: QBitFlowClient } = {},
): Promise<CancelResult> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      status: true,
      qbitflowSessionId: true,
      items: { select: { variantId: true, quantity: true } },
    },
  });
  if (!order || !order.qbitflowSessionId || order.qbitflowSessionId !== sessionId) {
    return { ok: false, message: "This link doesn't match the order; nothing was changed." };
  }
  if (order.status === "CONFIRMING") return { ok: false, message: IN_PROGRESS };
  if (order.status !== "PENDING") {
    return { ok: false, message: "This order is already closed; nothing was changed." };
  }

  const client = dependencies.client ?? getQBitFlowClient();
  // The order stays locked while QBitFlow expires the session, so the checkout.expired webhook
  // that follows waits, then finds the order already CANCELLED: the customer's intent wins the
  // race. Expire is never retried (spec §1.7), so the lock is held for one request (30 s timeout)
  // at most.
  const outcome = await changeOrders(async (tx) => {
    const locked = await lockOrder(tx, order.id);
    if (!locked) throw new Error(`order ${order.id} disappeared`);
    try {
      await client.expireSession(sessionId);
    } catch (error) {
      return isQBitFlowError(error, "tx_already_sent") ? "in_progress" : "unreachable";
    }
    const cancelled = { type: "cancelled", reason: "cancelled by the customer" } as const;
    await applyToLockedOrder(tx, locked, cancelled, { source: "customer" });
    return "cancelled";
  });
  if (outcome !== "cancelled") {
    // A timeout may have done the work, and a payment may be on its way: read the state.
    await syncOrderWithQBitFlow(order, "customer", { client }).catch(() => []);
    return {
      ok: false,
      message:
        outcome === "in_progress"
          ? IN_PROGRESS
          : "We couldn't reach the payment provider, so the order is still open. Nothing was charged; please try again.",
    };
  }
  return {
    ok: true,
    message: "Your order is cancelled and nothing was charged. Its items are back in your cart.",
    items: order.items.flatMap((item) =>
      item.variantId ? [{ variantId: item.variantId, quantity: item.quantity }] : [],
    ),
  };
}
