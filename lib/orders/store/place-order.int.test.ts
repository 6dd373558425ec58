import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestProduct, deleteTestProducts, variantStock } from "@/lib/test/fixtures";
import { CheckoutRefused, createPendingOrder } from "../order-store";
import { applyOrderEvent } from "../apply-order-event";

const productIds: string[] = [];
async function product(overrides: Parameters<typeof createTestProduct>[0]) {
  const created = await createTestProduct(overrides);
  productIds.push(created.id);
  return created;
}
// The stock of a test product's first (default) variant.
const stockOf = async (id: string) => ({
  stock: (
    await db.productVariant.findFirstOrThrow({ where: { productId: id }, orderBy: { position: "asc" } })
  ).stock,
});
const sized = (stock: { S: number; M: number; L: number }, priceCents = 300) =>
  product({
    priceCents,
    option: { name: "Size", values: ["S", "M", "L"] },
    variants: [
      { values: ["S"], stock: stock.S },
      { values: ["M"], stock: stock.M, priceCents: 350 },
      { values: ["L"], stock: stock.L },
    ],
  });

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
        { variantId: a.variantId, quantity: 2 },
        { variantId: b.variantId, quantity: 1 },
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
      Array.from({ length: 20 }, () =>
        createPendingOrder({ lines: [{ variantId: last.variantId, quantity: 1 }] }),
      ),
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

  it("sells the last unit of one variant to exactly one of 20, leaving the other variants alone", async () => {
    const tote = await sized({ S: 5, M: 1, L: 4 });
    const [s, m, l] = tote.variants;

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => createPendingOrder({ lines: [{ variantId: m!.id, quantity: 1 }] })),
    );

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results)
      if (result.status === "rejected")
        expect(result.reason.message).toBe(`Sorry, ${tote.name} (M) just sold out.`);
    expect([await variantStock(s!.id), await variantStock(m!.id), await variantStock(l!.id)]).toEqual([
      5, 0, 4,
    ]);
    expect(await db.order.count({ where: { items: { some: { variantId: m!.id } } } })).toBe(1);
  });

  it("snapshots each line's name, variant, SKU and price, which later edits and archiving never change", async () => {
    const tote = await sized({ S: 5, M: 5, L: 5 });
    const [s, m] = tote.variants;

    const order = await createPendingOrder({
      lines: [
        { variantId: m!.id, quantity: 2 },
        { variantId: s!.id, quantity: 1 },
      ],
    });
    expect(order.totalCents).toBe(2 * 350 + 300);
    expect(order.items).toEqual([
      { name: tote.name, variantTitle: "M", unitPriceCents: 350, quantity: 2 },
      { name: tote.name, variantTitle: "S", unitPriceCents: 300, quantity: 1 },
    ]);

    await db.product.update({
      where: { id: tote.id },
      data: { name: "Renamed", priceCents: 999, status: "ARCHIVED" },
    });
    await db.productVariant.update({
      where: { id: m!.id },
      data: { sku: "NEW-SKU", priceCents: 111, archivedAt: new Date() },
    });

    const stored = await db.order.findUniqueOrThrow({
      where: { id: order.id },
      include: { items: { orderBy: { sku: "asc" } } },
    });
    expect(stored.totalCents).toBe(1000);
    expect(
      stored.items.map(({ name, variantTitle, sku, unitPriceCents, quantity, variantId }) => ({
        name,
        variantTitle,
        sku,
        unitPriceCents,
        quantity,
        variantId,
      })),
    ).toEqual([
      { name: tote.name, variantTitle: "M", sku: m!.sku, unitPriceCents: 350, quantity: 2, variantId: m!.id },
      { name: tote.name, variantTitle: "S", sku: s!.sku, unitPriceCents: 300, quantity: 1, variantId: s!.id },
    ]);
  });

  it("sells at the price in force when the units were taken, while the merchant edits it", async () => {
    const tote = await sized({ S: 50, M: 50, L: 50 }, 200);
    const s = tote.variants[0]!;

    const results = await Promise.all([
      ...Array.from({ length: 6 }, () => createPendingOrder({ lines: [{ variantId: s.id, quantity: 2 }] })),
      db.product.update({ where: { id: tote.id }, data: { priceCents: 400 } }),
      ...Array.from({ length: 6 }, () => createPendingOrder({ lines: [{ variantId: s.id, quantity: 2 }] })),
    ]);

    const orders = results.filter((result) => "totalCents" in result && "items" in result);
    expect(orders).toHaveLength(12);
    for (const placed of orders) {
      // One price per order, the old or the new, never a mix; the stored order says the same.
      const { unitPriceCents } = placed.items[0]!;
      expect([200, 400]).toContain(unitPriceCents);
      expect(placed.totalCents).toBe(2 * unitPriceCents);
      expect((await db.order.findUniqueOrThrow({ where: { id: placed.id } })).totalCents).toBe(
        placed.totalCents,
      );
    }
    // An edit after the order is placed changes nothing in it.
    const first = orders[0]!;
    await db.product.update({ where: { id: tote.id }, data: { priceCents: 1 } });
    expect((await db.order.findUniqueOrThrow({ where: { id: first.id } })).totalCents).toBe(first.totalCents);
    expect(await variantStock(s.id)).toBe(50 - 24);
  });

  it("merges lines of the same variant into one", async () => {
    const item = await product({ stock: 5, priceCents: 100 });
    const order = await createPendingOrder({
      lines: [
        { variantId: item.variantId, quantity: 1 },
        { variantId: item.variantId, quantity: 3 },
      ],
    });
    expect(order.items).toEqual([{ name: item.name, variantTitle: null, unitPriceCents: 100, quantity: 4 }]);
    expect(order.totalCents).toBe(400);
    expect(await variantStock(item.variantId)).toBe(1);
  });

  it("refuses a variant that is archived, and a draft or archived product", async () => {
    const tote = await sized({ S: 5, M: 5, L: 5 });
    await db.productVariant.update({ where: { id: tote.variants[0]!.id }, data: { archivedAt: new Date() } });
    await expect(
      createPendingOrder({ lines: [{ variantId: tote.variants[0]!.id, quantity: 1 }] }),
    ).rejects.toMatchObject({
      code: "unavailable",
    });
    for (const status of ["DRAFT", "ARCHIVED"] as const) {
      const item = await product({});
      await db.product.update({ where: { id: item.id }, data: { status } });
      await expect(
        createPendingOrder({ lines: [{ variantId: item.variantId, quantity: 1 }] }),
      ).rejects.toMatchObject({
        code: "unavailable",
      });
      expect(await variantStock(item.variantId)).toBe(10);
    }
    expect(await variantStock(tote.variants[1]!.id)).toBe(5);
  });

  it("refuses a quantity above what is left and reserves nothing from the other lines", async () => {
    const plenty = await product({ stock: 10 });
    const scarce = await product({ stock: 2, name: "Scarce thing" });

    const refusal = await createPendingOrder({
      lines: [
        { variantId: plenty.variantId, quantity: 3 },
        { variantId: scarce.variantId, quantity: 3 },
      ],
    }).catch((error) => error);

    expect(refusal).toBeInstanceOf(CheckoutRefused);
    expect(refusal.message).toBe("Only 2 Scarce thing left. Please lower the quantity.");
    expect(await stockOf(scarce.id)).toEqual({ stock: 2 });
    expect(await stockOf(plenty.id)).toEqual({ stock: 10 });
  });

  it("refuses an empty cart and a product that is no longer sold", async () => {
    await expect(createPendingOrder({ lines: [] })).rejects.toMatchObject({ code: "empty_cart" });
    const retired = await product({});
    await db.product.update({ where: { id: retired.id }, data: { status: "ARCHIVED" } });
    await expect(
      createPendingOrder({ lines: [{ variantId: retired.variantId, quantity: 1 }] }),
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
    const released = await createPendingOrder({ lines: [{ variantId: item.variantId, quantity: 2 }] });
    const paid = await createPendingOrder({ lines: [{ variantId: item.variantId, quantity: 1 }] });
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

  it("puts an expired or cancelled order's units back on the variants it bought", async () => {
    const tote = await sized({ S: 5, M: 5, L: 5 });
    const [s, m, l] = tote.variants;
    const expiring = await createPendingOrder({
      lines: [
        { variantId: m!.id, quantity: 2 },
        { variantId: l!.id, quantity: 1 },
      ],
    });
    const cancelling = await createPendingOrder({ lines: [{ variantId: m!.id, quantity: 3 }] });
    expect([await variantStock(s!.id), await variantStock(m!.id), await variantStock(l!.id)]).toEqual([
      5, 0, 4,
    ]);

    await applyOrderEvent(expiring.id, { type: "session_expired", message: null }, { source: "reconcile" });
    expect([await variantStock(s!.id), await variantStock(m!.id), await variantStock(l!.id)]).toEqual([
      5, 2, 5,
    ]);
    await applyOrderEvent(cancelling.id, cancelled, { source: "customer" });
    expect([await variantStock(s!.id), await variantStock(m!.id), await variantStock(l!.id)]).toEqual([
      5, 5, 5,
    ]);
  });
});
