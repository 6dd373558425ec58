// Replaying a stored event re-runs its processing: idempotent for an event already applied,
// and the way to apply one whose processing failed.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPendingOrder } from "@/lib/orders/order-store";
import { createTestProduct, deleteTestProducts } from "@/lib/test/fixtures";
import { delivery, envelope, paymentData, TEST_SECRET } from "@/lib/test/webhooks";
import { receiveWebhook } from "./receive-webhook";
import { replayWebhookEvent } from "./replay";

const productIds: string[] = [];
afterAll(async () => {
  await deleteTestProducts(productIds);
  await db.$disconnect();
});

async function openOrder() {
  const product = await createTestProduct({ priceCents: 125, stock: 10 });
  productIds.push(product.id);
  const order = await createPendingOrder({ lines: [{ variantId: product.variantId, quantity: 2 }] });
  const sessionId = `pay@${randomUUID()}`;
  await db.order.update({ where: { id: order.id }, data: { qbitflowSessionId: sessionId } });
  return { ...order, sessionId, productId: product.id };
}

const snapshot = async (orderId: string, productId: string) => ({
  order: await db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      status: true,
      stockState: true,
      txHash: true,
      paidAt: true,
      needsReview: true,
      updatedAt: true,
    },
  }),
  history: await db.orderStatusChange.findMany({ where: { orderId }, orderBy: { createdAt: "asc" } }),
  variant: await db.productVariant.findFirstOrThrow({
    where: { productId },
    select: { stock: true },
  }),
});

describe("replaying a webhook event", () => {
  it("a processed payment.completed: nothing changes, however often, and the replay is recorded", async () => {
    const order = await openOrder();
    const body = envelope("payment.completed", paymentData(order));
    expect((await receiveWebhook(delivery(body), { secrets: [TEST_SECRET] })).status).toBe(200);
    const eventId = JSON.parse(body).id as string;
    const before = await snapshot(order.id, order.productId);
    expect(before.order.status).toBe("PAID");

    for (let i = 0; i < 3; i++) {
      expect(await replayWebhookEvent(eventId)).toEqual({
        ok: true,
        eventId,
        orderId: order.id,
        unmatched: false,
        changes: [],
      });
    }

    expect(await snapshot(order.id, order.productId)).toEqual(before);
    const event = await db.webhookEvent.findUniqueOrThrow({ where: { eventId } });
    expect(event).toMatchObject({ replays: 3, attempts: 1, lastError: null });
    expect(event.lastReplayedAt).toBeInstanceOf(Date);
    // A replay is not a delivery: the delivery log still holds the one POST.
    expect(await db.webhookDelivery.count({ where: { eventId } })).toBe(1);
  });

  it("an event whose processing never completed is applied by the replay", async () => {
    const order = await openOrder();
    const body = envelope("payment.completed", paymentData(order));
    const eventId = JSON.parse(body).id as string;
    // As a failed delivery leaves it: stored, not processed, with an error.
    await db.webhookEvent.create({
      data: { eventId, type: "payment.completed", rawBody: body, lastError: "connection lost" },
    });

    const result = await replayWebhookEvent(eventId);

    expect(result).toMatchObject({
      ok: true,
      orderId: order.id,
      changes: [{ orderId: order.id, from: "PENDING", to: "PAID" }],
    });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "PAID",
      stockState: "COMMITTED",
    });
    const event = await db.webhookEvent.findUniqueOrThrow({ where: { eventId } });
    expect(event).toMatchObject({ orderId: order.id, lastError: null, replays: 1 });
    expect(event.processedAt).toBeInstanceOf(Date);
    const history = await db.orderStatusChange.findMany({ where: { orderId: order.id, toStatus: "PAID" } });
    expect(history).toMatchObject([{ source: "webhook", eventId }]);
  });

  it("an unknown event id is reported, not invented", async () => {
    expect(await replayWebhookEvent("evt_does_not_exist")).toMatchObject({ ok: false, code: "not_found" });
  });
});
