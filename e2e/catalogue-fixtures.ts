// Products of a test's own, written straight into the database (the e2e project has no admin
// editor for the catalogue yet), and a cart cookie built the way the app builds it.
import { randomUUID } from "node:crypto";
import type { BrowserContext } from "@playwright/test";
import { encodeCart } from "../lib/cart/cart-cookie";
import { CART_COUNT_COOKIE } from "../lib/cart/cart-count-cookie";
import { countItems, type CartLine } from "../lib/cart/cart-lines";
import { queryDatabase } from "./helpers";

export interface TestProduct {
  id: string;
  slug: string;
  name: string;
  variantIds: string[];
}

/** An active product with one variant per size ([] for none), each with `stock`. */
export async function createProduct(options: {
  name: string;
  priceCents: number;
  stock: number;
  sizes?: string[];
}): Promise<TestProduct> {
  const tag = randomUUID().slice(0, 8);
  const id = randomUUID();
  const slug = `e2e-${tag}`;
  const name = `${options.name} ${tag}`;
  await queryDatabase(
    `INSERT INTO "Product" ("id", "slug", "name", "description", "priceCents", "sortOrder", "updatedAt")
     VALUES ($1, $2, $3, 'Made by an end-to-end test.', $4, 900, now())`,
    [id, slug, name, options.priceCents],
  );
  await queryDatabase(
    `INSERT INTO "ProductImage" ("id", "productId", "position", "url", "alt") VALUES ($1, $2, 0, '/products/field-notebook.svg', '')`,
    [randomUUID(), id],
  );
  const sizes = options.sizes ?? [];
  if (sizes.length)
    await queryDatabase(
      `INSERT INTO "ProductOption" ("id", "productId", "name", "position", "values") VALUES ($1, $2, 'Size', 0, $3)`,
      [randomUUID(), id, sizes],
    );
  const variantIds: string[] = [];
  for (const [position, values] of (sizes.length ? sizes.map((size) => [size]) : [[]]).entries()) {
    const variantId = randomUUID();
    variantIds.push(variantId);
    await queryDatabase(
      `INSERT INTO "ProductVariant" ("id", "productId", "optionValues", "optionKey", "stock", "position", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, now())`,
      [variantId, id, values, values.join("|").toLowerCase(), options.stock, position],
    );
  }
  return { id, slug, name, variantIds };
}

/** Takes the product off the store (orders may reference it, so it is not deleted). */
export async function archiveProduct(product: TestProduct): Promise<void> {
  await queryDatabase(`UPDATE "Product" SET "status" = 'ARCHIVED' WHERE "id" = $1`, [product.id]);
}

/** Gives the browser this cart, as the cart's server actions would have written it. */
export async function setCart(context: BrowserContext, baseURL: string, lines: CartLine[]): Promise<void> {
  await context.addCookies([
    { name: "cart", value: encodeCart(lines), url: baseURL, httpOnly: true, sameSite: "Lax" },
    { name: CART_COUNT_COOKIE, value: String(countItems(lines)), url: baseURL, sameSite: "Lax" },
  ]);
}

/** Every variant on sale, for filling a cart. */
export async function variantsOnSale(): Promise<string[]> {
  const rows = await queryDatabase<{ id: string }>(
    `SELECT v."id" FROM "ProductVariant" v JOIN "Product" p ON p."id" = v."productId"
      WHERE p."status" = 'ACTIVE' AND v."archivedAt" IS NULL AND v."stock" > 0 ORDER BY v."id"`,
  );
  return rows.map((row) => row.id);
}
