import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { optionKey } from "../lib/catalog/product-shape";
import { migrate } from "../scripts/db/migrate";
import { describeSeedReport, seedCatalog } from "./seed";
import { seedCollections, seedProducts, type SeedProduct } from "./seed-data";

const connectionString = process.env.DATABASE_URL!;
const schema = `seed_test_${randomUUID().slice(0, 8)}`;
const admin = new pg.Client({ connectionString });
const t = (table: string) => `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(table)}`;

beforeAll(async () => {
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
  await migrate({ connectionString, schema });
});
afterAll(async () => {
  await admin.query(`DROP SCHEMA ${pg.escapeIdentifier(schema)} CASCADE`);
  await admin.end();
});

const variantsOf = async (slug: string) =>
  (
    await admin.query(
      `SELECT v."optionKey", v."sku", v."stock", v."priceCents", v."archivedAt" IS NOT NULL AS archived
         FROM ${t("ProductVariant")} v JOIN ${t("Product")} p ON p.id = v."productId"
        WHERE p.slug = $1 ORDER BY v."position", v."optionKey"`,
      [slug],
    )
  ).rows;
const productRow = async (slug: string) =>
  (await admin.query(`SELECT name, "priceCents", status FROM ${t("Product")} WHERE slug = $1`, [slug]))
    .rows[0];

describe("seed data", () => {
  it("is a 6–8 product catalogue a QBitFlow test key can charge, with local images", () => {
    expect(seedProducts.length).toBeGreaterThanOrEqual(6);
    expect(seedProducts.length).toBeLessThanOrEqual(8);
    for (const product of seedProducts) {
      for (const cents of [product.priceCents, ...product.variants.map((variant) => variant.priceCents)]) {
        if (cents === undefined) continue;
        expect(Number.isInteger(cents)).toBe(true);
        expect(cents).toBeGreaterThan(0);
        expect(cents).toBeLessThanOrEqual(500); // test mode caps a checkout at $5
      }
      expect(product.images.length).toBeGreaterThan(0);
      for (const image of product.images) expect(image.url).toMatch(/^\/[\w/.-]+$/);
    }
  });

  it("has one variant per combination of option values, and collections of known products", () => {
    const withOptions = seedProducts.filter((product) => product.options?.length);
    expect(withOptions.length).toBeGreaterThanOrEqual(1);
    for (const product of seedProducts) {
      const keys = product.variants.map((variant) => optionKey(variant.values));
      expect(new Set(keys).size).toBe(keys.length);
      const combinations = (product.options ?? []).reduce((n, option) => n * option.values.length, 1);
      expect(product.variants).toHaveLength(combinations);
      for (const variant of product.variants)
        expect(variant.values).toHaveLength(product.options?.length ?? 0);
    }
    const skus = seedProducts.flatMap((product) => product.variants.map((variant) => variant.sku));
    expect(new Set(skus).size).toBe(skus.length);
    expect(seedCollections.length).toBeGreaterThanOrEqual(2);
    const slugs = new Set(seedProducts.map((product) => product.slug));
    for (const collection of seedCollections)
      for (const slug of collection.products) expect(slugs).toContain(slug);
  });
});

describe("seedCatalog", () => {
  const data = { products: seedProducts, collections: seedCollections };
  const notebook = seedProducts.find((product) => product.slug === "field-notebook")!;
  const tote = seedProducts.find((product) => product.options?.length)!;

  it("creates the catalogue, then finds nothing to change", async () => {
    const first = await seedCatalog(connectionString, { schema, data });
    expect(first.created).toHaveLength(seedProducts.length);
    expect(first.collections).toHaveLength(seedCollections.length);
    expect(await variantsOf(tote.slug)).toEqual(
      tote.variants.map((variant) => ({
        optionKey: optionKey(variant.values),
        sku: variant.sku,
        stock: variant.stock,
        priceCents: variant.priceCents ?? null,
        archived: false,
      })),
    );

    const again = await seedCatalog(connectionString, { schema, data });
    expect(again).toEqual({ created: [], updated: [], unchanged: seedProducts.length, collections: [] });
    expect(describeSeedReport(again)).toEqual([
      "The catalogue already matches prisma/seed-data.ts; nothing changed.",
    ]);
  });

  it("applies an edit of the file, says what changed, and keeps stock and the merchant's products", async () => {
    await admin.query(
      `UPDATE ${t("ProductVariant")} SET stock = 999 WHERE "productId" = (SELECT id FROM ${t("Product")} WHERE slug = $1)`,
      [notebook.slug],
    );
    await admin.query(
      `INSERT INTO ${t("Product")} (id, slug, name, description, "priceCents", "updatedAt")
       VALUES ('merchant-own', 'merchant-own', 'Merchant''s own', 'd', 100, now())`,
    );
    const edited: SeedProduct[] = seedProducts.map((product) =>
      product.slug === notebook.slug
        ? {
            ...product,
            name: "Harbor Field Journal",
            priceCents: 299,
            variants: [{ ...product.variants[0]!, stock: 1 }],
          }
        : product.slug === tote.slug
          ? {
              ...product,
              options: [{ name: "Size", values: ["M", "L", "XL"] }],
              variants: [
                { ...product.variants[1]! },
                { ...product.variants[2]!, priceCents: 489 },
                { values: ["XL"], sku: "TOTE-CANVAS-XL", stock: 2 },
              ],
            }
          : product,
    );

    const report = await seedCatalog(connectionString, { schema, data: { ...data, products: edited } });

    expect(report.updated).toEqual([
      { name: "Field Notebook", changes: ["name → Harbor Field Journal", "price $3.49 → $2.99"] },
      {
        name: tote.name,
        changes: [
          "options: Size M/L/XL",
          "L price the product's → $4.89",
          "new variant XL (2 in stock)",
          "variant S archived (kept for past orders)",
        ],
      },
    ]);
    const lines = describeSeedReport(report);
    expect(lines[0]).toBe("Field Notebook: name → Harbor Field Journal, price $3.49 → $2.99");
    expect(lines.at(-1)).toMatch(/Stock of existing variants is live data/);
    expect(await productRow(notebook.slug)).toEqual({
      name: "Harbor Field Journal",
      priceCents: 299,
      status: "ACTIVE",
    });
    expect((await variantsOf(notebook.slug)).map((variant) => variant.stock)).toEqual([999]);
    expect(await variantsOf(tote.slug)).toMatchObject([
      { optionKey: "m", archived: false, stock: 8 },
      { optionKey: "s", archived: true, stock: 6 }, // same position as M now, kept for old orders
      { optionKey: "l", archived: false, stock: 4, priceCents: 489 },
      { optionKey: "xl", archived: false, stock: 2 },
    ]);
    expect(await productRow("merchant-own")).toEqual({
      name: "Merchant's own",
      priceCents: 100,
      status: "ACTIVE",
    });
  });
});
