// The after-commit hook hears of every committed order change, once, with what changed, from
// every kind of write; a change that rolls back never reaches it.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createTestProduct, deleteTestProducts } from "@/lib/test/fixtures";
import type * as AfterCommit from "./after-commit";
import { applyOrderEvent } from "./apply-order-event";
import { changeOrders, closeReview, createPendingOrder, lockOrder, writeTransition } from "./order-store";

const heard = vi.hoisted(() => ({ changes: [] as AfterCommit.OrderChange[] }));
vi.mock("./after-commit", async (importOriginal) => {
  const original = await importOriginal<typeof AfterCommit>();
  // The hook as the store gets it (order-store.ts registers it), listened to.
  const afterCommit = (changes: readonly AfterCommit.OrderChange[]) => {
    heard.changes.push(...changes);
    original.afterCommit(changes);
  };
  return { ...original, afterCommit, orderChangeHook: { ...original.orderChangeHook, afterCommit } };
});

const productIds: string[] = [];
afterAll(async () => {
  await deleteTestProducts(productIds);
  await db.$disconnect();
});
beforeEach(() => {
  heard.changes = [];
});

async function placedOrder() {
  const product = await createTestProduct({ priceCents: 250, stock: 5 });
  productIds.push(product.id);
  return createPendingOrder({ lines: [{ variantId: product.variantId, quantity: 1 }] });
}

const paid = (amountCents: number) =>
  ({
    type: "payment_completed",
    sessionId: null,
    amountCents,
    paidUsd: "2.50",
    txHash: "0xfeed",
    explorerUrl: null,
    chain: "base",
    currencySymbol: "USDC",
    confirmedAt: new Date(),
  }) as const;

describe("the after-commit hook", () => {
  it("hears of a placed order, a payment and a closed review, each once and after its commit", async () => {
    const order = await placedOrder();
    await applyOrderEvent(order.id, paid(999), { source: "webhook", eventId: "evt_hook" });
    await applyOrderEvent(order.id, paid(999), { source: "webhook", eventId: "evt_hook" }); // no change
    expect(await closeReview(order.id, "refunded the difference")).toBe(true);
    expect(await closeReview(order.id, "twice")).toBe(false);

    expect(heard.changes).toEqual([
      expect.objectContaining({ orderId: order.id, from: null, to: "PENDING", source: "checkout" }),
      expect.objectContaining({ orderId: order.id, from: "PENDING", to: "PAID", needsReview: true }),
      expect.objectContaining({
        orderId: order.id,
        from: "PAID",
        to: "PAID",
        source: "admin",
        needsReview: false,
      }),
    ]);
  });

  it("never hears of a change that rolled back", async () => {
    const order = await placedOrder();
    heard.changes = [];
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
        throw new Error("the database went away");
      }),
    ).rejects.toThrow("the database went away");

    expect(heard.changes).toEqual([]);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).toEqual({
      status: "PENDING",
    });
  });
});
