import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestProduct } from "@/lib/test/fixtures";
import { getCollectionBySlug, getProductBySlug, listActiveProducts, listCollections } from ".";

const tag = randomUUID().slice(0, 8);
const productIds: string[] = [];
async function product(overrides: Parameters<typeof createTestProduct>[0] & { sortOrder?: number } = {}) {
  const created = await createTestProduct(overrides);
  productIds.push(created.id);
  if (overrides.sortOrder !== undefined)
    await db.product.update({ where: { id: created.id }, data: { sortOrder: overrides.sortOrder } });
  return created;
}

afterAll(async () => {
  await db.collection.deleteMany({ where: { slug: { endsWith: tag } } });
  await db.product.deleteMany({ where: { id: { in: productIds } } });
  await db.$disconnect();
});

describe("catalogue reads", () => {
  it("lists active products with their variants' prices and stock, hiding drafts, archives and archived variants", async () => {
    const tote = await product({
      name: `Tote ${tag}`,
      priceCents: 449,
      sortOrder: -100,
      option: { name: "Size", values: ["S", "M", "L"] },
      variants: [
        { values: ["S"], stock: 2, priceCents: 399 },
        { values: ["M"], stock: 3 },
        { values: ["L"], stock: 9, priceCents: 299 },
      ],
    });
    await db.productVariant.update({ where: { id: tote.variants[2]!.id }, data: { archivedAt: new Date() } });
    const draft = await product({ name: `Draft ${tag}` });
    await db.product.update({ where: { id: draft.id }, data: { status: "DRAFT" } });
    const archived = await product({ name: `Archived ${tag}` });
    await db.product.update({ where: { id: archived.id }, data: { status: "ARCHIVED" } });

    const products = await listActiveProducts();
    const ours = products.filter((item) => item.name.endsWith(tag));
    expect(ours.map((item) => item.name)).toEqual([`Tote ${tag}`]);
    expect(products[0]?.id).toBe(tote.id); // sortOrder first
    expect(ours[0]).toMatchObject({
      priceCents: 399,
      priceVaries: true,
      available: 5,
      images: [{ src: "/products/field-notebook.svg", alt: "A notebook" }],
      options: [{ name: "Size", values: ["S", "M", "L"] }],
    });
    expect(
      ours[0]!.variants.map((variant) => [variant.title, variant.priceCents, variant.available]),
    ).toEqual([
      ["S", 399, 2],
      ["M", 449, 3],
    ]);

    expect(await getProductBySlug(tote.slug)).toMatchObject({ product: { id: tote.id } });
    expect(await getProductBySlug(draft.slug)).toBeNull();
    expect(await getProductBySlug(archived.slug)).toBeNull();
    expect(await getProductBySlug(`unknown-${tag}`)).toBeNull();
  });

  it("sends an old slug to the product's current one", async () => {
    const moved = await product({ name: `Moved ${tag}` });
    await db.productSlugRedirect.create({ data: { slug: `old-${tag}`, productId: moved.id } });

    expect(await getProductBySlug(`old-${tag}`)).toEqual({ movedTo: moved.slug });
    await db.product.update({ where: { id: moved.id }, data: { status: "ARCHIVED" } });
    expect(await getProductBySlug(`old-${tag}`)).toBeNull();
  });

  it("reads collections in order with their products on sale, in the collection's order", async () => {
    const a = await product({ name: `A ${tag}` });
    const b = await product({ name: `B ${tag}` });
    const hidden = await product({ name: `Hidden ${tag}` });
    await db.product.update({ where: { id: hidden.id }, data: { status: "DRAFT" } });
    await db.collection.create({
      data: {
        slug: `picks-${tag}`,
        title: `Picks ${tag}`,
        sortOrder: -100,
        products: {
          create: [
            { productId: b.id, position: 0 },
            { productId: hidden.id, position: 1 },
            { productId: a.id, position: 2 },
          ],
        },
      },
    });

    const collection = await getCollectionBySlug(`picks-${tag}`);
    expect(collection?.products.map((item) => item.name)).toEqual([`B ${tag}`, `A ${tag}`]);
    expect((await listCollections())[0]?.slug).toBe(`picks-${tag}`);
    expect(await getCollectionBySlug(`none-${tag}`)).toBeNull();
  });
});
