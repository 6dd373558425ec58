// A checkout interrupted after its order was written and before its session was saved (kill -9
// there, or QBitFlow slow and then a database blip) holds stock that nothing else would ever
// release. The sweep settles such orders with what QBitFlow knows.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getQBitFlowClient } from "@/lib/qbitflow";
import { createTestProduct, deleteTestProducts } from "@/lib/test/fixtures";
import { wallet } from "@/lib/test/sandbox-control";
import { checkoutIdempotencyKey, checkoutSessionRequest } from "./checkout-session-request";
import { INTERRUPTED_AFTER_MS, settleInterruptedCheckout } from "./interrupted-checkouts";
import { reconcileOpenOrders } from "./reconcile";
import { createPendingOrder, type PendingOrder } from "./order-store";

const productIds: string[] = [];
afterAll(async () => {
  await deleteTestProducts(productIds);
  await db.$disconnect();
});

/**
 * An order as a crash leaves it: written, stock held, no session id. `before` runs while it is
 * young (no sweep of a parallel test touches it yet), then it is made `ageMs` old.
 */
async function interruptedOrder(
  ageMs = INTERRUPTED_AFTER_MS + 60_000,
  before: (order: PendingOrder) => Promise<unknown> = async () => {},
) {
  const product = await createTestProduct({ priceCents: 120, stock: 4 });
  productIds.push(product.id);
  const order = await createPendingOrder({ lines: [{ variantId: product.variantId, quantity: 3 }] });
  await before(order);
  await db.order.update({ where: { id: order.id }, data: { createdAt: new Date(Date.now() - ageMs) } });
  return { ...order, productId: product.id };
}

const openSession = (order: PendingOrder, description?: string) =>
  getQBitFlowClient().createPaymentSession(
    { ...checkoutSessionRequest(order), ...(description ? { description } : {}) },
    { idempotencyKey: checkoutIdempotencyKey(order.id) },
  );

const stateOf = (id: string) =>
  db.order.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      stockState: true,
      qbitflowSessionId: true,
      statusChanges: { orderBy: { createdAt: "asc" } },
    },
  });
const stockOf = async (id: string) =>
  (await db.productVariant.findFirstOrThrow({ where: { productId: id } })).stock;
const client = () => getQBitFlowClient();

describe("an interrupted checkout", () => {
  it("whose create never reached QBitFlow is expired, its stock released and the reason kept", async () => {
    const order = await interruptedOrder();
    expect(await stockOf(order.productId)).toBe(1);

    await settleInterruptedCheckout(order.id, client());

    const state = await stateOf(order.id);
    expect(state).toMatchObject({ status: "EXPIRED", stockState: "RELEASED" });
    expect(state.statusChanges.at(-1)).toMatchObject({ toStatus: "EXPIRED", source: "reconcile" });
    expect(state.statusChanges.at(-1)?.reason).toMatch(/interrupted/);
    expect(await stockOf(order.productId)).toBe(4);
    // The session the sweep opened to learn the answer is closed at QBitFlow too.
    expect((await client().getSessionStatus(state.qbitflowSessionId!)).status).toBe("expired");
  });

  it("whose session QBitFlow had opened learns that very session, and expires it", async () => {
    let opened = { id: "" };
    const order = await interruptedOrder(undefined, async (young) => (opened = await openSession(young)));

    await settleInterruptedCheckout(order.id, client());

    expect(await stateOf(order.id)).toMatchObject({ status: "EXPIRED", qbitflowSessionId: opened.id });
    expect((await client().getSessionStatus(opened.id)).status).toBe("expired");
  });

  it("that was paid anyway ends PAID, the stock staying sold", async () => {
    const order = await interruptedOrder(undefined, async (young) =>
      wallet.complete((await openSession(young)).id),
    );

    await settleInterruptedCheckout(order.id, client());

    expect(await stateOf(order.id)).toMatchObject({ status: "PAID", stockState: "COMMITTED" });
    expect(await stockOf(order.productId)).toBe(1);
  });

  it("is left alone while its checkout may still be finishing, and the sweep settles it after", async () => {
    const young = await interruptedOrder(10_000);
    const old = await interruptedOrder();

    const report = await reconcileOpenOrders({ client: client() });

    expect((await stateOf(young.id)).status).toBe("PENDING");
    expect(report.changed).toContainEqual({ orderId: old.id, from: "PENDING", to: "EXPIRED" });
  });

  it("that QBitFlow cannot name is kept until any session it had would have expired", async () => {
    const lifetimeMs = 30 * 60_000; // CHECKOUT_EXPIRES_IN_MINUTES' default
    // The key was used for another body (the configuration changed since): QBitFlow says 422.
    const otherBody = (young: PendingOrder) => openSession(young, "something else");
    const recent = await interruptedOrder(undefined, otherBody);
    const old = await interruptedOrder(lifetimeMs + INTERRUPTED_AFTER_MS + 60_000, otherBody);

    await expect(settleInterruptedCheckout(recent.id, client())).rejects.toMatchObject({
      code: "idempotency_key_reused",
    });
    await settleInterruptedCheckout(old.id, client());

    expect((await stateOf(recent.id)).status).toBe("PENDING");
    const settled = await stateOf(old.id);
    expect(settled).toMatchObject({ status: "EXPIRED", stockState: "RELEASED" });
    expect(settled.statusChanges.at(-1)?.reason).toMatch(/idempotency_key_reused/);
  });
});
