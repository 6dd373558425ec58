// The success page's logic, the customer's cancel and the reconciliation sweep, against a real
// database and the local QBitFlow sandbox. No webhook reaches the app during these tests, so
// every change seen here was learned by asking QBitFlow.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestProduct, deleteTestProducts } from "@/lib/test/fixtures";
import { dropDeliveries, restoreDeliveries, wallet } from "@/lib/test/sandbox-control";
import { cancelOrder } from "./cancel-order";
import { loadOrderPage } from "./order-page";
import { reconcileOpenOrders } from "./reconcile";
import { startCheckout } from "./start-checkout";

const productIds: string[] = [];

async function openOrder(quantity = 1) {
  const product = await createTestProduct({ priceCents: 150, stock: 10 });
  productIds.push(product.id);
  const started = await startCheckout({ lines: [{ variantId: product.variantId, quantity }] });
  if (!started.ok) throw new Error(started.message);
  const order = await db.order.findUniqueOrThrow({ where: { id: started.orderId } });
  return {
    id: order.id,
    sessionId: order.qbitflowSessionId!,
    productId: product.id,
    variantId: product.variantId,
  };
}

const successPage = (order: { id: string; sessionId: string }) =>
  loadOrderPage({ orderId: order.id, sessionId: order.sessionId, source: "success_page" });
const stockOf = (id: string) =>
  db.productVariant.findFirstOrThrow({ where: { productId: id }, select: { stock: true } });
const sourcesOf = async (id: string) =>
  (await db.orderStatusChange.findMany({ where: { orderId: id }, orderBy: { createdAt: "asc" } })).map(
    (change) => [change.toStatus, change.source],
  );

afterAll(async () => {
  await deleteTestProducts(productIds);
  await db.$disconnect();
});

describe("the success page", () => {
  it("shows 'waiting' for the redirect alone: opening the URL never marks an order paid", async () => {
    const order = await openOrder();
    const state = await successPage(order);
    expect(state).toMatchObject({
      kind: "ok",
      stale: false,
      view: { status: "PENDING", paymentLink: expect.any(String) },
    });
  });

  it("paid: asks QBitFlow, applies the payment, shows the receipt", async () => {
    const order = await openOrder(2);
    await wallet.complete(order.sessionId);

    const state = await successPage(order);

    expect(state).toMatchObject({
      kind: "ok",
      view: { status: "PAID", totalCents: 300, txHash: expect.stringMatching(/^0x/) },
    });
    expect(await sourcesOf(order.id)).toContainEqual(["PAID", "success_page"]);
    expect(await stockOf(order.productId)).toEqual({ stock: 8 });
  });

  it("confirming: the transaction is sent, not yet confirmed", async () => {
    const order = await openOrder();
    await wallet.pay(order.sessionId);
    const state = await successPage(order);
    expect(state).toMatchObject({
      kind: "ok",
      view: { status: "CONFIRMING", txHash: expect.stringMatching(/^0x/) },
    });
  });

  it("a failed attempt is shown with the way back to the payment page, and is not final", async () => {
    const order = await openOrder();
    await wallet.fail(order.sessionId, "insufficient_funds");
    const state = await successPage(order);
    expect(state).toMatchObject({
      kind: "ok",
      view: {
        status: "PENDING",
        lastAttempt: { code: "insufficient_funds" },
        paymentLink: expect.any(String),
      },
    });
  });

  it("expired: the order expires and its stock goes back on sale", async () => {
    const order = await openOrder(3);
    await wallet.expire(order.sessionId);
    expect(await successPage(order)).toMatchObject({
      kind: "ok",
      view: { status: "EXPIRED", paymentLink: null },
    });
    expect(await stockOf(order.productId)).toEqual({ stock: 10 });
  });

  it("a session id that is not the order's: a clear message, and nothing changes", async () => {
    const order = await openOrder();
    const other = await openOrder();
    await wallet.complete(other.sessionId);

    for (const forged of [other.sessionId, "pay@forged", null]) {
      const state = await loadOrderPage({ orderId: order.id, sessionId: forged, source: "success_page" });
      expect(state).toEqual({ kind: "session_mismatch" });
    }
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "PENDING",
    });
    expect(await loadOrderPage({ orderId: "not-an-order", source: "success_page" })).toEqual({
      kind: "not_found",
    });
  });
});

describe("cancelling", () => {
  it("expires the session at QBitFlow, cancels the order and releases its stock", async () => {
    const order = await openOrder(2);
    const result = await cancelOrder(order.id, order.sessionId);
    expect(result).toMatchObject({ ok: true, items: [{ variantId: order.variantId, quantity: 2 }] });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "CANCELLED",
    });
    expect(await stockOf(order.productId)).toEqual({ stock: 10 });
  });

  it("refuses once a payment is on its way, and shows where it stands", async () => {
    const order = await openOrder();
    await wallet.pay(order.sessionId);
    const result = await cancelOrder(order.id, order.sessionId);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/already in progress/) });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "CONFIRMING",
    });
  });

  it("refuses a session that is not the order's", async () => {
    const order = await openOrder();
    expect(await cancelOrder(order.id, "pay@forged")).toMatchObject({ ok: false });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "PENDING",
    });
  });
});

describe("reconciliation", () => {
  afterAll(restoreDeliveries);

  it("recovers orders whose webhooks were all dropped: one paid, one expired", async () => {
    await dropDeliveries(1000);
    const paid = await openOrder();
    const expired = await openOrder();
    await wallet.complete(paid.sessionId);
    await wallet.expire(expired.sessionId);

    const report = await reconcileOpenOrders({ quietForMs: 0, limit: 1000 });

    expect(report.changed).toEqual(
      expect.arrayContaining([
        { orderId: paid.id, from: "CONFIRMING", to: "PAID" },
        { orderId: expired.id, from: "PENDING", to: "EXPIRED" },
      ]),
    );
    expect(await sourcesOf(paid.id)).toContainEqual(["PAID", "reconcile"]);
    expect(await db.order.findUniqueOrThrow({ where: { id: expired.id } })).toMatchObject({
      status: "EXPIRED",
    });
  });
});
