// A double submit gives one order and one payment page; one customer cannot hold a product's
// whole stock with checkouts they never pay.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestProduct, deleteTestProducts } from "@/lib/test/fixtures";
import { applyOrderEvent } from "./apply-order-event";
import { startCheckout } from "./start-checkout";

const productIds: string[] = [];
afterAll(async () => {
  await deleteTestProducts(productIds);
  await db.$disconnect();
});

async function product(stock: number) {
  const created = await createTestProduct({ priceCents: 100, stock });
  productIds.push(created.id);
  return created;
}
const stockOf = async (id: string) =>
  (await db.productVariant.findFirstOrThrow({ where: { productId: id } })).stock;
const ordersOf = (productId: string) => db.order.count({ where: { items: { some: { productId } } } });
const customer = (buyer: { key?: string; addressHash?: string } = {}) => ({
  checkoutKey: randomUUID(),
  buyer: { key: buyer.key ?? randomUUID(), addressHash: buyer.addressHash ?? randomUUID() },
});

describe("a double submit", () => {
  it("places one order and sends both requests to the same payment page", async () => {
    const item = await product(10);
    const same = customer();
    const lines = [{ variantId: item.variantId, quantity: 2 }];

    const [first, second] = await Promise.all([
      startCheckout({ lines, customer: same }),
      startCheckout({ lines, customer: same }),
    ]);

    expect(first).toMatchObject({ ok: true });
    expect(second).toEqual(first);
    expect(await ordersOf(item.id)).toBe(1);
    expect(await stockOf(item.id)).toBe(8);
  });

  it("of an order that was paid or closed since places a new one", async () => {
    const item = await product(10);
    const same = customer();
    const first = await startCheckout({
      lines: [{ variantId: item.variantId, quantity: 1 }],
      customer: same,
    });
    if (!first.ok) throw new Error(first.message);
    await applyOrderEvent(first.orderId, { type: "cancelled", reason: "test" }, { source: "customer" });

    const again = await startCheckout({
      lines: [{ variantId: item.variantId, quantity: 1 }],
      customer: same,
    });

    expect(again).toMatchObject({ ok: true });
    expect(again.ok && again.orderId).not.toBe(first.orderId);
  });
});

describe("open unpaid orders per customer", () => {
  it("stop at CHECKOUT_MAX_OPEN_ORDERS per buyer, with a message, and free up when one closes", async () => {
    const item = await product(12);
    const buyer = { key: randomUUID() };
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push(
        await startCheckout({
          lines: [{ variantId: item.variantId, quantity: 2 }],
          customer: customer(buyer),
        }),
      );
    }

    expect(results.slice(0, 3).every((result) => result.ok)).toBe(true);
    expect(results[3]).toMatchObject({
      ok: false,
      code: "too_many_open",
      message: expect.stringMatching(/already have 3 unpaid checkouts open/),
    });
    expect(await stockOf(item.id)).toBe(6);

    const paid = results[0]!;
    if (!paid.ok) throw new Error("first checkout failed");
    await applyOrderEvent(paid.orderId, { type: "session_expired", message: null }, { source: "reconcile" });
    const after = await startCheckout({
      lines: [{ variantId: item.variantId, quantity: 2 }],
      customer: customer(buyer),
    });
    expect(after).toMatchObject({ ok: true });
  });

  it("stop at CHECKOUT_MAX_OPEN_ORDERS_PER_ADDRESS from one address, whatever the cookies", async () => {
    const item = await product(100);
    const addressHash = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        startCheckout({
          lines: [{ variantId: item.variantId, quantity: 1 }],
          customer: customer({ addressHash }),
        }),
      ),
    );

    expect(results.filter((result) => result.ok)).toHaveLength(10);
    expect(results.filter((result) => !result.ok)).toEqual(
      Array(2).fill(
        expect.objectContaining({
          code: "too_many_open",
          message: expect.stringMatching(/from your network/),
        }),
      ),
    );
    expect(await stockOf(item.id)).toBe(90);
  });
});
