// Options, variants and stock through the admin's operations, on a real database: bad input is
// refused by its field and stores nothing; changing options keeps, adds, deletes or archives.
import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => (process.env.ADMIN_PASSWORD = "admin-password-for-the-tests"));

const { db } = await import("@/lib/db");
const { createPendingOrder } = await import("@/lib/orders/order-store");
const { createTestProduct, deleteTestProducts, variantStock } = await import("@/lib/test/fixtures");
const { adminSession, formOf } = await import("@/lib/test/admin-forms");
const { saveOptionsFromForm, saveVariantsFromForm } = await import("./product-operations");
const { adjustStockFromForm } = await import("./stock-operations");

const productIds: string[] = [];
afterAll(async () => {
  await deleteTestProducts(productIds);
  await db.$disconnect();
});

async function product(overrides: Parameters<typeof createTestProduct>[0] = {}) {
  const created = await createTestProduct(overrides);
  productIds.push(created.id);
  return created;
}

const saveOptions = (productId: string, rows: [string, string][]) =>
  saveOptionsFromForm(
    adminSession(),
    formOf({
      productId,
      ...Object.fromEntries(
        rows.flatMap(([name, values], index) => [
          [`option.${index}.name`, name],
          [`option.${index}.values`, values],
        ]),
      ),
    }),
  );

const variantsOf = (productId: string) =>
  db.productVariant.findMany({
    where: { productId },
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { position: "asc" }],
  });

const snapshot = async (productId: string) => ({
  options: await db.productOption.findMany({ where: { productId } }),
  variants: await variantsOf(productId),
});

describe("options", () => {
  it("makes one variant per combination, new ones at stock 0, replacing an unsold default variant", async () => {
    const item = await product({ stock: 4 });
    expect(
      await saveOptions(item.id, [
        ["Size", "S, M"],
        ["Colour", "Sand, Forest"],
      ]),
    ).toMatchObject({ ok: true });
    const variants = await variantsOf(item.id);
    expect(variants.map((variant) => [variant.optionValues, variant.optionKey, variant.stock])).toEqual([
      [["S", "Sand"], "s|sand", 0],
      [["S", "Forest"], "s|forest", 0],
      [["M", "Sand"], "m|sand", 0],
      [["M", "Forest"], "m|forest", 0],
    ]);
    expect(await db.productVariant.count({ where: { id: item.variantId } })).toBe(0);
  });

  it("refuses an option without values beside it, storing nothing", async () => {
    const item = await product();
    const before = await snapshot(item.id);
    expect(await saveOptions(item.id, [["Size", " , "]])).toMatchObject({
      ok: false,
      fieldErrors: { "option.0.values": ["Give this option at least one value, separated by commas."] },
    });
    expect(await snapshot(item.id)).toEqual(before);
  });

  it("refuses the same combination twice, storing nothing", async () => {
    const item = await product();
    const before = await snapshot(item.id);
    const result = await saveOptions(item.id, [["Size", "S, M, s"]]);
    expect(result.fieldErrors?.["option.0.values"]?.[0]).toMatch(
      /"s" is there twice: each combination must be unique/,
    );
    expect(await snapshot(item.id)).toEqual(before);
  });

  it("keeps the variants whose combination stays, deletes unsold ones that go, archives sold ones", async () => {
    const item = await product({
      option: { name: "Size", values: ["S", "M", "L"] },
      variants: [
        { values: ["S"], stock: 5 },
        { values: ["M"], stock: 5 },
        { values: ["L"], stock: 5 },
      ],
    });
    const [small, medium, large] = item.variants;
    await createPendingOrder({ lines: [{ variantId: large!.id, quantity: 1 }] });

    const result = await saveOptions(item.id, [["Size", "S, XL"]]);
    expect(result.message).toBe(
      "Options saved: 2 variants, 1 new (stock 0), 1 removed, 1 archived (on past orders).",
    );
    const after = await variantsOf(item.id);
    expect(after.find((variant) => variant.id === small!.id)).toMatchObject({ stock: 5, archivedAt: null });
    expect(after.find((variant) => variant.id === medium!.id)).toBeUndefined();
    expect(after.find((variant) => variant.id === large!.id)?.archivedAt).toBeInstanceOf(Date);
    expect(after.find((variant) => variant.optionKey === "xl")).toMatchObject({ stock: 0, archivedAt: null });

    // Bringing L back restores its variant, orders and all.
    await saveOptions(item.id, [["Size", "S, XL, L"]]);
    expect(await db.productVariant.findUniqueOrThrow({ where: { id: large!.id } })).toMatchObject({
      archivedAt: null,
    });
  });
});

describe("variant fields", () => {
  it("saves SKUs and price overrides, and refuses a SKU another product has, storing nothing", async () => {
    const other = await product({
      option: { name: "Size", values: ["S"] },
      variants: [{ values: ["S"], stock: 1, sku: `TAKEN-${Date.now()}` }],
    });
    const item = await product({
      option: { name: "Size", values: ["S", "M"] },
      variants: [
        { values: ["S"], stock: 1 },
        { values: ["M"], stock: 1 },
      ],
    });
    const [small, medium] = item.variants;
    const fields = (smallSku: string, price = "") =>
      formOf({
        productId: item.id,
        variantIds: [small!.id, medium!.id],
        [`variant.${small!.id}.sku`]: smallSku,
        [`variant.${small!.id}.price`]: price,
        [`variant.${medium!.id}.sku`]: "TEE-M",
        [`variant.${medium!.id}.price`]: "",
      });
    const before = await variantsOf(item.id);

    const taken = other.variants[0]!.sku!.toLowerCase();
    const refused = await saveVariantsFromForm(adminSession(), fields(taken));
    expect(refused.fieldErrors?.[`variant.${small!.id}.sku`]?.[0]).toBe(
      `SKU ${taken} is already used by ${other.name}.`,
    );
    expect(await variantsOf(item.id)).toEqual(before);

    const badPrice = await saveVariantsFromForm(adminSession(), fields("TEE-S", "2.999"));
    expect(badPrice.fieldErrors?.[`variant.${small!.id}.price`]).toEqual([
      "Use at most two decimals (cents).",
    ]);
    expect(await variantsOf(item.id)).toEqual(before);

    expect(await saveVariantsFromForm(adminSession(), fields(`TEE-S-${Date.now()}`, "3.50"))).toMatchObject({
      ok: true,
    });
    expect(await db.productVariant.findUniqueOrThrow({ where: { id: small!.id } })).toMatchObject({
      priceCents: 350,
    });
  });
});

describe("stock", () => {
  const adjust = (variantId: string, mode: string, amount: string, reason = "stocktake") =>
    adjustStockFromForm(adminSession(), formOf({ variantId, mode, amount, reason }), "192.0.2.7");

  it("sets and adjusts with a reason, recording who", async () => {
    const item = await product({ stock: 2 });
    expect(await adjust(item.variantId, "set", "10")).toMatchObject({ ok: true, data: { stock: 10 } });
    expect(await adjust(item.variantId, "adjust", "-3", "damaged in the post")).toMatchObject({
      ok: true,
      data: { stock: 7 },
    });
    const history = await db.stockAdjustment.findMany({
      where: { variantId: item.variantId },
      orderBy: { createdAt: "asc" },
    });
    expect(
      history.map(({ delta, stockAfter, reason, actor }) => ({ delta, stockAfter, reason, actor })),
    ).toEqual([
      { delta: 8, stockAfter: 10, reason: "stocktake", actor: "admin (192.0.2.7)" },
      { delta: -3, stockAfter: 7, reason: "damaged in the post", actor: "admin (192.0.2.7)" },
    ]);
  });

  it("refuses a negative stock beside the amount, storing nothing", async () => {
    const item = await product({ stock: 2 });
    expect(await adjust(item.variantId, "set", "-1")).toMatchObject({
      ok: false,
      fieldErrors: { amount: ["Stock cannot be negative: set 0 or more."] },
    });
    const below = await adjust(item.variantId, "adjust", "-5");
    expect(below).toMatchObject({
      ok: false,
      fieldErrors: { amount: ["Only 2 in stock: you can remove at most 2."] },
    });
    expect(await adjust(item.variantId, "adjust", "1", "  ")).toMatchObject({
      ok: false,
      fieldErrors: { reason: ["Say why (a delivery, a stocktake, damaged…)."] },
    });
    expect(await variantStock(item.variantId)).toBe(2);
    expect(await db.stockAdjustment.count({ where: { variantId: item.variantId } })).toBe(0);
  });
});
