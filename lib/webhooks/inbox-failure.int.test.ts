// A processing failure answers 5xx (so QBitFlow retries), records why, and leaves no half-done
// work; the next delivery of the same event processes it.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type * as ApplyOrderEvent from "@/lib/orders/apply-order-event";
import { createPendingOrder } from "@/lib/orders/order-store";
import { createTestProduct, deleteTestProducts } from "@/lib/test/fixtures";
import { delivery, envelope, paymentData, TEST_SECRET } from "@/lib/test/webhooks";
import { receiveWebhook } from "./receive-webhook";

const failures = vi.hoisted(() => ({ remaining: 0 }));
vi.mock("@/lib/orders/apply-order-event", async (importOriginal) => {
  const original = await importOriginal<typeof ApplyOrderEvent>();
  return {
    ...original,
    applyToLockedOrder: async (...args: Parameters<typeof original.applyToLockedOrder>) => {
      const result = await original.applyToLockedOrder(...args);
      // Fail after the order was changed: the rollback must undo that change too.
      if (failures.remaining-- > 0) throw new Error("connection to the database lost");
      return result;
    },
  };
});

const productIds: string[] = [];
afterAll(async () => {
  await deleteTestProducts(productIds);
  await db.$disconnect();
});

describe("a processing failure", () => {
  it("answers 500, records the error, changes nothing, and the retry succeeds", async () => {
    const product = await createTestProduct({ stock: 5 });
    productIds.push(product.id);
    const order = await createPendingOrder({ lines: [{ variantId: product.variantId, quantity: 1 }] });
    const sessionId = `pay@${randomUUID()}`;
    await db.order.update({ where: { id: order.id }, data: { qbitflowSessionId: sessionId } });
    const body = envelope("payment.completed", paymentData({ ...order, sessionId }));
    const config = { secrets: [TEST_SECRET] };
    vi.spyOn(console, "error").mockImplementation(() => {});

    failures.remaining = 1;
    const failed = await receiveWebhook(delivery(body), config);

    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ code: "processing_failed" });
    const eventId = JSON.parse(body).id;
    expect(await db.webhookEvent.findUnique({ where: { eventId } })).toMatchObject({
      attempts: 1,
      processedAt: null,
      lastError: "connection to the database lost",
    });
    expect(await db.order.findUnique({ where: { id: order.id } })).toMatchObject({ status: "PENDING" });
    // The failed delivery is in the log (its in-transaction row was rolled back with the rest).
    expect(await db.webhookDelivery.findMany({ where: { eventId } })).toMatchObject([
      {
        outcome: "FAILED",
        signatureValid: true,
        httpStatus: 500,
        errorCode: "processing_failed",
        reason: "connection to the database lost",
        headers: { "qbitflow-signature": expect.any(String) },
      },
    ]);
    expect(await db.productVariant.findUnique({ where: { id: product.variantId } })).toMatchObject({
      stock: 4,
    });

    const retried = await receiveWebhook(delivery(body), config);

    expect(await retried.json()).toEqual({ received: true, duplicate: false });
    expect(await db.webhookEvent.findUnique({ where: { eventId } })).toMatchObject({
      attempts: 2,
      lastError: null,
    });
    expect(await db.order.findUnique({ where: { id: order.id } })).toMatchObject({ status: "PAID" });
    const log = await db.webhookDelivery.findMany({ where: { eventId }, orderBy: { receivedAt: "asc" } });
    expect(log.map((logged) => logged.outcome)).toEqual(["FAILED", "PROCESSED"]);
    const event = await db.webhookEvent.findUniqueOrThrow({ where: { eventId } });
    expect(log.every((logged) => logged.webhookEventId === event.id)).toBe(true);
  });
});
