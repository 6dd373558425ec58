import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestProduct, deleteTestProducts, variantStock } from "@/lib/test/fixtures";
import { adjustVariantStock, createPendingOrder, unitsHeldByOpenOrders } from "../order-store";

const productIds: string[] = [];
async function product(overrides: Parameters<typeof createTestProduct>[0]) {
  const created = await createTestProduct(overrides);
  productIds.push(created.id);
  return created;
}
const adjustmentsOf = (variantId: string) =>
  db.stockAdjustment.findMany({ where: { variantId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

afterAll(async () => {
  await deleteTestProducts(productIds);
  await db.$disconnect();
});

describe("adjustVariantStock", () => {
  it("adds, removes and sets stock, recording who, when and why with the stock after", async () => {
    const item = await product({ stock: 4 });
    const before = new Date();

    expect(
      await adjustVariantStock({
        variantId: item.variantId,
        delta: 6,
        reason: "delivery",
        actor: "admin 1.2.3.4",
      }),
    ).toMatchObject({ ok: true, stock: 10, held: 0 });
    expect(
      await adjustVariantStock({ variantId: item.variantId, delta: -3, reason: "damaged", actor: "admin" }),
    ).toMatchObject({ ok: true, stock: 7 });
    expect(
      await adjustVariantStock({ variantId: item.variantId, setTo: 2, reason: "stocktake", actor: "admin" }),
    ).toMatchObject({ ok: true, stock: 2 });

    expect(await variantStock(item.variantId)).toBe(2);
    const recorded = await adjustmentsOf(item.variantId);
    expect(
      recorded.map(({ delta, stockAfter, reason, actor }) => ({ delta, stockAfter, reason, actor })),
    ).toEqual([
      { delta: 6, stockAfter: 10, reason: "delivery", actor: "admin 1.2.3.4" },
      { delta: -3, stockAfter: 7, reason: "damaged", actor: "admin" },
      { delta: -5, stockAfter: 2, reason: "stocktake", actor: "admin" },
    ]);
    for (const row of recorded)
      expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it("refuses to go below zero, says how many there are, and stores nothing", async () => {
    const item = await product({ stock: 3 });

    const refused = await adjustVariantStock({
      variantId: item.variantId,
      delta: -4,
      reason: "x",
      actor: "admin",
    });

    expect(refused).toEqual({
      ok: false,
      code: "negative_stock",
      available: 3,
      message: "Only 3 in stock: you can remove at most 3.",
    });
    expect(await variantStock(item.variantId)).toBe(3);
    expect(await adjustmentsOf(item.variantId)).toEqual([]);
  });

  it("refuses malformed input and unknown variants, and records a no-op as nothing", async () => {
    const item = await product({ stock: 3 });
    const base = { variantId: item.variantId, reason: "r", actor: "admin" };
    for (const bad of [
      { ...base, setTo: -1 },
      { ...base, delta: 0 },
      { ...base, delta: 1.5 },
      { ...base, delta: 1, setTo: 2 },
      { ...base },
      { ...base, delta: 1, reason: "  " },
      { ...base, delta: 1, actor: "" },
    ]) {
      expect(await adjustVariantStock(bad), JSON.stringify(bad)).toMatchObject({
        ok: false,
        code: "invalid",
      });
    }
    expect(await adjustVariantStock({ ...base, variantId: "no-such-variant", delta: 1 })).toMatchObject({
      ok: false,
      code: "not_found",
    });
    expect(await adjustVariantStock({ ...base, setTo: 3 })).toEqual({
      ok: true,
      stock: 3,
      held: 0,
      adjustmentId: null,
    });
    expect(await adjustmentsOf(item.variantId)).toEqual([]);
  });

  it("answers the units open orders hold beside the stock", async () => {
    const item = await product({ stock: 5 });
    const other = await product({ stock: 5 });
    await createPendingOrder({ lines: [{ variantId: item.variantId, quantity: 2 }] });
    await createPendingOrder({ lines: [{ variantId: item.variantId, quantity: 1 }] });

    expect(await unitsHeldByOpenOrders([item.variantId, other.variantId])).toEqual({
      [item.variantId]: 3,
      [other.variantId]: 0,
    });
    expect(
      await adjustVariantStock({ variantId: item.variantId, delta: 1, reason: "r", actor: "a" }),
    ).toMatchObject({ ok: true, stock: 3, held: 3 });
    expect(await unitsHeldByOpenOrders([])).toEqual({});
  });

  it("never takes stock below zero when adjustments race checkouts", async () => {
    const item = await product({ stock: 5 });

    const results = await Promise.allSettled([
      ...Array.from({ length: 8 }, () =>
        createPendingOrder({ lines: [{ variantId: item.variantId, quantity: 1 }] }),
      ),
      ...Array.from({ length: 4 }, () =>
        adjustVariantStock({ variantId: item.variantId, delta: -1, reason: "race", actor: "admin" }),
      ),
    ]);

    const orders = results.slice(0, 8).filter((result) => result.status === "fulfilled").length;
    const adjustments = results
      .slice(8)
      .filter((result) => result.status === "fulfilled" && (result.value as { ok: boolean }).ok).length;
    expect(orders + adjustments).toBe(5);
    expect(await variantStock(item.variantId)).toBe(0);
    expect(await adjustmentsOf(item.variantId)).toHaveLength(adjustments);
  });
});
