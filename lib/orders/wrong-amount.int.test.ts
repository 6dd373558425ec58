// Wrong amounts (issue 13, item 1) against a real database and the sandbox: an under- or
// over-payment made through the sandbox's wallet reaches the order by each path (the webhook,
// the success page's status check, the sweep) and every one of them leaves it PAID for review.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { createTestProduct, deleteTestProducts } from "@/lib/test/fixtures";
import { dropDeliveries, restoreDeliveries, wallet } from "@/lib/test/sandbox-control";
import { delivery, sign, TEST_SECRET } from "@/lib/test/webhooks";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import { loadOrderPage } from "./order-page";
import { reconcileOpenOrders } from "./reconcile";
import { startCheckout } from "./start-checkout";

const productIds: string[] = [];

async function openOrder() {
  const product = await createTestProduct({ priceCents: 150, stock: 10 });
  productIds.push(product.id);
  const started = await startCheckout({ lines: [{ variantId: product.variantId, quantity: 1 }] });
  if (!started.ok) throw new Error(started.message);
  const order = await db.order.findUniqueOrThrow({ where: { id: started.orderId } });
  return { id: order.id, sessionId: order.qbitflowSessionId! };
}

/** The `payment.completed` the sandbox sent for a session, exactly as QBitFlow would send it. */
async function sentEvent(sessionId: string): Promise<string> {
  const env = getEnv();
  const response = await fetch(`${env.QBITFLOW_API_URL}/webhooks/events?type=payment.completed&limit=100`, {
    headers: { "x-api-key": env.QBITFLOW_API_KEY ?? "" },
  });
  const { items } = (await response.json()) as { items: { data: { uuid: string } }[] };
  const event = items.find((item) => item.data.uuid === sessionId);
  if (!event) throw new Error(`no payment.completed for ${sessionId}`);
  return JSON.stringify(event);
}

const reviewOf = (id: string) =>
  db.order.findUniqueOrThrow({
    where: { id },
    select: { status: true, needsReview: true, reviewReason: true, amountPaidUsd: true },
  });

afterAll(async () => {
  await restoreDeliveries();
  await deleteTestProducts(productIds);
  await db.$disconnect();
});

describe("a payment of the wrong amount ($1.50 order)", () => {
  it("under-paid, learned by the webhook: PAID, flagged for review", async () => {
    const order = await openOrder();
    await wallet.complete(order.sessionId, 0.1);
    const body = await sentEvent(order.sessionId);

    const response = await receiveWebhook(delivery(body, sign(body)), { secrets: [TEST_SECRET] });

    expect(response.status).toBe(200);
    const stored = await reviewOf(order.id);
    expect(stored).toMatchObject({ status: "PAID", needsReview: true });
    expect(stored.reviewReason).toContain("paid $0.10 for an order of $1.50");
    expect(Number(stored.amountPaidUsd)).toBeGreaterThan(0.1);
  });

  it("over-paid, learned by the success page's status check: PAID, flagged for review", async () => {
    const order = await openOrder();
    await wallet.complete(order.sessionId, 50);

    await loadOrderPage({ orderId: order.id, sessionId: order.sessionId, source: "success_page" });

    const stored = await reviewOf(order.id);
    expect(stored).toMatchObject({ status: "PAID", needsReview: true });
    expect(stored.reviewReason).toContain("paid $50.00 for an order of $1.50");
  });

  it("under-paid, learned by the sweep with every webhook lost: PAID, flagged for review", async () => {
    await dropDeliveries(1000);
    const order = await openOrder();
    await wallet.complete(order.sessionId, 1.49);

    await reconcileOpenOrders({ quietForMs: 0, limit: 1000 });

    const stored = await reviewOf(order.id);
    expect(stored).toMatchObject({ status: "PAID", needsReview: true });
    expect(stored.reviewReason).toContain("paid $1.49 for an order of $1.50");
  });
});
