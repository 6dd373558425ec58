import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestProduct, deleteTestProducts } from "@/lib/test/fixtures";
import { CheckoutRefused, createPendingOrder } from "./create-order";
import { commitStock, releaseStock } from "./stock";

const productIds: string[] = [];
async function product(overrides: Parameters<typeof createTestProduct>[0]) {
  const created = await createTestProduct(overrides);
  productIds.push(created.id);
  return created;
}
const stockOf = (id: string) =>
  db.product.findUniqueOrThrow({ where: { id }, select: { stock: true, reserved: true } });

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
    expect(await stockOf(a.id)).toEqual({ stock: 5, reserved: 2 });
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
    expect(await stockOf(last.id)).toEqual({ stock: 1, reserved: 1 });
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
    expect(await stockOf(plenty.id)).toEqual({ stock: 10, reserved: 0 });
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
  it("release and commit each happen once, whatever is called after", async () => {
    const item = await product({ stock: 4 });
    const released = await createPendingOrder({ lines: [{ productId: item.id, quantity: 2 }] });
    const paid = await createPendingOrder({ lines: [{ productId: item.id, quantity: 1 }] });
    expect(await stockOf(item.id)).toEqual({ stock: 4, reserved: 3 });

    const releases = await Promise.all(
      Array.from({ length: 5 }, () => db.$transaction((tx) => releaseStock(tx, released.id))),
    );
    expect(releases.filter(Boolean)).toHaveLength(1);
    expect(await db.$transaction((tx) => commitStock(tx, released.id))).toBe(false);
    expect(await stockOf(item.id)).toEqual({ stock: 4, reserved: 1 });

    expect(await db.$transaction((tx) => commitStock(tx, paid.id))).toBe(true);
    expect(await db.$transaction((tx) => releaseStock(tx, paid.id))).toBe(false);
    expect(await stockOf(item.id)).toEqual({ stock: 3, reserved: 0 });
  });
});
