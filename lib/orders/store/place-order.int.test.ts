import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestProduct, deleteTestProducts } from "@/lib/test/fixtures";
import { CheckoutRefused, createPendingOrder } from ".";
import { applyOrderEvent } from "../apply-order-event";

const productIds: string[] = [];
async function product(overrides: Parameters<typeof createTestProduct>[0]) {
  const created = await createTestProduct(overrides);
  productIds.push(created.id);
  return created;
}
const stockOf = (id: string) => db.product.findUniqueOrThrow({ where: { id }, select: { stock: true } });

afterAll(async () => {
  await deleteTestProducts(productIds);
  await db.$disconnect();
});

describe("createPendingOrder", () => {
  it("prices from the database, reserves stock and records the order with its history", async () => {
    const a = await product({ priceCents: 150, stock: 5 });
    const b = await product({ priceCents: 99, stock: 5 });

    const order = await createPendingOrder({
      lines: [
        { productId: a.id, quantity: 2 },
        { productId: b.id, quantity: 1 },
      ],
      email: "ada@example.com",
    });

    expect(order.totalCents).toBe(399);
    const stored = await db.order.findUniqueOrThrow({
      where: { id: order.id },
      include: { items: true, statusChanges: true },
    });
    expect(stored).toMatchObject({
      status: "PENDING",
      stockState: "RESERVED",
      totalCents: 399,
      email: "ada@example.com",
    });
    expect(stored.items.map((item) => [item.name, item.unitPriceCents, item.quantity]).sort()).toEqual(
      [
        [a.name, 150, 2],
        [b.name, 99, 1],
      ].sort(),
    );
    expect(stored.statusChanges).toMatchObject([
      { fromStatus: null, toStatus: "PENDING", source: "checkout" },
    ]);
    expect(await stockOf(a.id)).toEqual({ stock: 3 });
  });

  it("sells the last unit to exactly one of 20 concurrent customers", async () => {
    const last = await product({ stock: 1 });

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => createPendingOrder({ lines: [{ productId: last.id, quantity: 1 }] })),
    );

    const won = results.filter((result) => result.status === "fulfilled");
    const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(CheckoutRefused);
      expect(reason.code).toBe("sold_out");
      expect(reason.message).toMatch(/just sold out/);
    }
    expect(await stockOf(last.id)).toEqual({ stock: 0 });
    expect(await db.order.count({ where: { items: { some: { productId: last.id } } } })).toBe(1);
  });

  it("refuses a quantity above what is left and reserves nothing from the other lines", async () => {
    const plenty = await product({ stock: 10 });
    const scarce = await product({ stock: 2, name: "Scarce thing" });

    const refusal = await createPendingOrder({
      lines: [
        { productId: plenty.id, quantity: 3 },
        { productId: scarce.id, quantity: 3 },
      ],
    }).catch((error) => error);

    expect(refusal).toBeInstanceOf(CheckoutRefused);
    expect(refusal.message).toBe("Only 2 Scarce thing left. Please lower the quantity.");
    expect(await stockOf(plenty.id)).toEqual({ stock: 10 });
  });

  it("refuses an empty cart and a product that is no longer sold", async () => {
    await expect(createPendingOrder({ lines: [] })).rejects.toMatchObject({ code: "empty_cart" });
    const retired = await product({});
    await db.product.update({ where: { id: retired.id }, data: { active: false } });
    await expect(
      createPendingOrder({ lines: [{ productId: retired.id, quantity: 1 }] }),
    ).rejects.toMatchObject({
      code: "unavailable",
    });
  });
});

describe("stock moves", () => {
  const paidEvent = (amountCents: number) =>
    ({
      type: "payment_completed",
      sessionId: null,
      amountCents,
      paidUsd: null,
      txHash: "0xstockmove",
      explorerUrl: null,
      chain: null,
      currencySymbol: null,
      confirmedAt: null,
    }) as const;
  const cancelled = { type: "cancelled", reason: "test" } as const;

  it("release and commit each happen once, whatever is applied after", async () => {
    const item = await product({ stock: 4 });
    const released = await createPendingOrder({ lines: [{ productId: item.id, quantity: 2 }] });
    const paid = await createPendingOrder({ lines: [{ productId: item.id, quantity: 1 }] });
    expect(await stockOf(item.id)).toEqual({ stock: 1 });

    const releases = await Promise.all(
      Array.from({ length: 5 }, () => applyOrderEvent(released.id, cancelled, { source: "customer" })),
    );
    expect(releases.filter((result) => result.outcome === "changed")).toHaveLength(1);
    expect(await stockOf(item.id)).toEqual({ stock: 3 });
    // Money for the cancelled order: PAID for review, but its units were released, not sold.
    const late = await db.order.findUniqueOrThrow({ where: { id: released.id } });
    await applyOrderEvent(released.id, paidEvent(late.totalCents), { source: "webhook" });
    expect(await db.order.findUniqueOrThrow({ where: { id: released.id } })).toMatchObject({
      status: "PAID",
      stockState: "RELEASED",
      needsReview: true,
    });
    expect(await stockOf(item.id)).toEqual({ stock: 3 });

    const order = await db.order.findUniqueOrThrow({ where: { id: paid.id } });
    const commits = await Promise.all(
      Array.from({ length: 5 }, () =>
        applyOrderEvent(paid.id, paidEvent(order.totalCents), { source: "webhook" }),
      ),
    );
    expect(commits.filter((result) => result.outcome === "changed")).toHaveLength(1);
    expect(await applyOrderEvent(paid.id, cancelled, { source: "customer" })).toMatchObject({
      outcome: "unchanged",
    });
    expect(await stockOf(item.id)).toEqual({ stock: 3 });
    expect(await db.order.findUniqueOrThrow({ where: { id: paid.id } })).toMatchObject({
      status: "PAID",
      stockState: "COMMITTED",
      txHash: "0xstockmove",
    });
  });
});
