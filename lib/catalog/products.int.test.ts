import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { getProductBySlug, listActiveProducts } from "./catalog";
import { db } from "./db";

const tag = randomUUID().slice(0, 8);
const slugs = { active: `active-${tag}`, hidden: `hidden-${tag}`, oversold: `oversold-${tag}` };

afterAll(async () => {
  await db.product.deleteMany({ where: { slug: { in: Object.values(slugs) } } });
  await db.$disconnect();
});

describe("catalogue reads", () => {
  it("lists active products with what can still be sold, and hides inactive ones", async () => {
    const base = { description: "d", priceCents: 150, imagePath: "/products/x.svg" };
    await db.product.createMany({
      data: [
        { ...base, slug: slugs.active, name: `Active ${tag}`, stock: 3, sortOrder: -100 },
        { ...base, slug: slugs.hidden, name: `Hidden ${tag}`, stock: 5, active: false },
        { ...base, slug: slugs.oversold, name: `Oversold ${tag}`, stock: -2, sortOrder: -99 },
      ],
    });

    const products = await listActiveProducts();
    const ours = products.filter((product) => product.slug.endsWith(tag));
    expect(ours.map((product) => [product.slug, product.available])).toEqual([
      [slugs.active, 3],
      [slugs.oversold, 0],
    ]);
    expect(products[0]?.slug).toBe(slugs.active); // sortOrder first

    expect(await getProductBySlug(slugs.active)).toMatchObject({
      name: `Active ${tag}`,
      priceCents: 150,
      available: 3,
    });
    expect(await getProductBySlug(slugs.hidden)).toBeNull();
    expect(await getProductBySlug(`unknown-${tag}`)).toBeNull();
  });
});
