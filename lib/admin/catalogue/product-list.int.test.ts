// The admin's product list against a real database: search by name or SKU, the status filter,
// stock summed over live variants, and pages that together list every match exactly once.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const { db } = await import("@/lib/db");
const { listProducts, parseProductListQuery, PRODUCT_PAGE_SIZE } = await import("./queries");

const tag = `list-${randomUUID().slice(0, 8)}`;
const count = PRODUCT_PAGE_SIZE + 2;
const query = (overrides: Partial<Parameters<typeof listProducts>[0]> = {}) =>
  listProducts({ q: tag, status: "all", collectionId: "", page: 1, ...overrides });

beforeAll(async () => {
  await db.product.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      slug: `${tag}-${i}`,
      name: `Ledger ${tag} ${i}`,
      description: "",
      priceCents: 100 + i,
      status: i === 0 ? ("ARCHIVED" as const) : ("ACTIVE" as const),
    })),
  });
  const first = await db.product.findUniqueOrThrow({ where: { slug: `${tag}-1` } });
  await db.productVariant.createMany({
    data: [
      { productId: first.id, optionValues: ["S"], optionKey: "s", sku: `${tag}-SKU-S`, stock: 4 },
      { productId: first.id, optionValues: ["M"], optionKey: "m", sku: `${tag}-SKU-M`, stock: 3 },
      // A combination the options no longer produce: its units are not for sale.
      { productId: first.id, optionValues: ["L"], optionKey: "l", stock: 9, archivedAt: new Date() },
    ],
  });
});

afterAll(async () => {
  await db.product.deleteMany({ where: { slug: { startsWith: tag } } });
  await db.$disconnect();
});

describe("the admin's product list", () => {
  it("pages through every match exactly once, and says how many there are", async () => {
    const one = await query();
    const two = await query({ page: 2 });
    expect(one).toMatchObject({ total: count, page: 1, pageCount: 2 });
    expect(one.rows).toHaveLength(PRODUCT_PAGE_SIZE);
    expect(two.rows).toHaveLength(count - PRODUCT_PAGE_SIZE);
    const slugs = new Set([...one.rows, ...two.rows].map((row) => row.slug));
    expect(slugs.size).toBe(count);
  });

  it("a page past the last shows the last page", async () => {
    const far = await query({ page: 40 });
    expect(far).toMatchObject({ page: 2, pageCount: 2 });
    expect(far.rows).toHaveLength(count - PRODUCT_PAGE_SIZE);
  });

  it("finds a product by a variant's SKU, with stock summed over the variants still on sale", async () => {
    const found = await listProducts({ q: `${tag}-sku-m`, status: "all", collectionId: "", page: 1 });
    expect(found.total).toBe(1);
    expect(found.rows[0]).toMatchObject({ slug: `${tag}-1`, stock: 7, held: 0, variantCount: 2 });
  });

  it("filters by status", async () => {
    const archived = await query({ status: "ARCHIVED" });
    expect(archived.rows.map((row) => row.slug)).toEqual([`${tag}-0`]);
    expect((await query({ status: "DRAFT" })).total).toBe(0);
  });
});

describe("parseProductListQuery", () => {
  it("keeps a valid page and status, and falls back to the first page and all statuses", () => {
    expect(parseProductListQuery({ page: "3", status: "draft", q: "  mug " })).toEqual({
      q: "mug",
      status: "DRAFT",
      collectionId: "",
      page: 3,
    });
    for (const page of ["0", "-2", "1.5", "abc", "99999", undefined]) {
      expect(parseProductListQuery({ page }).page).toBe(1);
    }
    expect(parseProductListQuery({ status: "gone" }).status).toBe("all");
  });
});
