// The outbox's promise against a real database: a committed order change has its jobs, written
// by the statement that made it; a rolled-back change has none; a change that repeats (50
// duplicate webhooks at once, each a fresh delivery of one event or a new event for one payment)
// writes each job once.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { createTestProduct, deleteTestProducts } from "@/lib/test/fixtures";
import { delivery, envelope, paymentData, TEST_SECRET } from "@/lib/test/webhooks";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import { changeOrders, createPendingOrder, lockOrder, writeTransition } from "./order-store";

const productIds: string[] = [];
afterAll(async () => {
  await deleteTestProducts(productIds);
  await db.$disconnect();
});

async function openOrder() {
  const product = await createTestProduct({ priceCents: 300, stock: 100 });
  productIds.push(product.id);
  const order = await createPendingOrder({
    lines: [{ variantId: product.variantId, quantity: 1 }],
    email: "buyer@example.com",
  });
  const sessionId = `pay@${randomUUID()}`;
  await db.order.update({ where: { id: order.id }, data: { qbitflowSessionId: sessionId } });
  return { ...order, sessionId };
}

const jobsOf = (orderId: string) =>
  db.outboxJob.findMany({ where: { orderId }, orderBy: { key: "asc" }, select: { key: true, state: true } });

describe("outbox jobs written with the change", () => {
  it("a committed payment has its receipt, merchant notice and fulfilment; placing the order none", async () => {
    const order = await openOrder();
    expect(await jobsOf(order.id)).toEqual([]);

    const response = await receiveWebhook(delivery(envelope("payment.completed", paymentData(order))), {
      secrets: [TEST_SECRET],
    });

    expect(response.status).toBe(200);
    expect(await jobsOf(order.id)).toEqual([
      { key: `fulfilment:${order.id}`, state: "PENDING" },
      { key: `merchant-paid:${order.id}`, state: "PENDING" },
      { key: `receipt:${order.id}`, state: "PENDING" },
    ]);
  });

  it("a change that rolls back leaves no job behind", async () => {
    const order = await openOrder();
    await expect(
      changeOrders(async (tx) => {
        const locked = await lockOrder(tx, order.id);
        const decision = {
          status: "EXPIRED",
          changes: {},
          stock: "release",
          review: null,
          reason: "x",
        } as const;
        await writeTransition(tx, locked!, decision, { source: "reconcile" });
        expect(
          await tx.query(Prisma.sql`SELECT 1 FROM "OutboxJob" WHERE "orderId" = ${order.id}`),
        ).toHaveLength(1);
        throw new Error("the database went away");
      }),
    ).rejects.toThrow("the database went away");
    expect(await jobsOf(order.id)).toEqual([]);
  });

  it("50 concurrent duplicate webhooks write one receipt", async () => {
    const order = await openOrder();
    const data = paymentData(order);
    const body = envelope("payment.completed", data);
    // Half are redeliveries of one event, half new events for the same payment.
    const bodies = Array.from({ length: 50 }, (_, i) => (i % 2 ? body : envelope("payment.completed", data)));

    const responses = await Promise.all(
      bodies.map((each) => receiveWebhook(delivery(each), { secrets: [TEST_SECRET] })),
    );

    expect(responses.map((r) => r.status).filter((status) => status !== 200)).toEqual([]);
    const receipts = await db.outboxJob.count({ where: { orderId: order.id, kind: "receipt" } });
    expect(receipts).toBe(1);
    expect(await db.outboxJob.count({ where: { orderId: order.id } })).toBe(3);
  });
});
