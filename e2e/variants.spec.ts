import { expect, test, type Page } from "@playwright/test";
import { formatCents } from "../lib/money";
import { queryDatabase, seedProduct } from "./helpers";

// A product with options: the customer picks a size, and only that size's stock moves. The
// demo's tote bag has Size S/M/L, each with its own stock; S has a price of its own.
const tote = seedProduct("canvas-tote-bag");
const variant = (size: string) => tote.variants.find((candidate) => candidate.values[0] === size)!;

async function stockBySize(): Promise<Record<string, number>> {
  const rows = await queryDatabase<{ size: string; stock: number }>(
    `SELECT v."optionValues"[1] AS size, v."stock" FROM "ProductVariant" v
       JOIN "Product" p ON p."id" = v."productId"
      WHERE p."slug" = $1 AND v."archivedAt" IS NULL`,
    [tote.slug],
  );
  return Object.fromEntries(rows.map((row) => [row.size, row.stock]));
}

async function chooseSize(page: Page, size: string) {
  await page.getByRole("group", { name: /^Size/ }).getByRole("link", { name: size, exact: true }).click();
  await expect(
    page.getByRole("group", { name: /^Size/ }).getByRole("link", { name: size, exact: true }),
  ).toHaveAttribute("aria-current", "true");
}

test("the card says 'from' the lowest size price", async ({ page }) => {
  await page.goto("/");
  const card = page
    .getByRole("article")
    .filter({ has: page.getByRole("link", { name: tote.name, exact: true }) });
  await expect(card).toContainText(
    `from${formatCents(Math.min(...tote.variants.map((v) => v.priceCents ?? tote.priceCents)))}`,
  );
});

test("buy size M: M's stock goes down, S's does not, and the order says M", async ({ page }) => {
  const before = await stockBySize();
  await page.goto(`/products/${tote.slug}`);

  await chooseSize(page, "S");
  await expect(
    page.getByRole("main").getByText(formatCents(variant("S").priceCents!), { exact: true }),
  ).toBeVisible();
  await chooseSize(page, "M");
  await expect(page).toHaveURL(/\?variant=/);
  await expect(page.getByRole("main").getByText(formatCents(tote.priceCents), { exact: true })).toBeVisible();
  await expect(page.getByText(variant("M").sku, { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText(`Added 1 × ${tote.name} (M) to your cart.`)).toBeVisible();
  await page.goto("/cart");
  await expect(page.getByRole("list", { name: "Items in your cart" })).toContainText(`${tote.name} · M`);
  await page.getByRole("button", { name: "Pay with crypto" }).click();
  await page.waitForURL(/\/checkout\/pay@/);

  const after = await stockBySize();
  expect(after).toEqual({ ...before, M: before.M! - 1 });
  const [line] = await queryDatabase<{ variantTitle: string; sku: string; unitPriceCents: number }>(
    `SELECT i."variantTitle", i."sku", i."unitPriceCents" FROM "OrderItem" i JOIN "Order" o ON o."id" = i."orderId"
      WHERE i."sku" = $1 ORDER BY o."createdAt" DESC LIMIT 1`,
    [variant("M").sku],
  );
  expect(line).toEqual({ variantTitle: "M", sku: variant("M").sku, unitPriceCents: tote.priceCents });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the size links and the add-to-cart form still work", async ({ page }) => {
    await page.goto(`/products/${tote.slug}`);
    await chooseSize(page, "L");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText(`Added 1 × ${tote.name} (L) to your cart.`)).toBeVisible();
  });
});

test("an old slug of a product redirects to its current page", async ({ page }) => {
  const oldSlug = `old-tote-${Date.now()}`;
  await queryDatabase(
    `INSERT INTO "ProductSlugRedirect" ("slug", "productId") SELECT $1, "id" FROM "Product" WHERE "slug" = $2`,
    [oldSlug, tote.slug],
  );
  const response = await page.goto(`/products/${oldSlug}`);
  expect(response?.url()).toMatch(new RegExp(`/products/${tote.slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(tote.name);
});
