import { test, expect, type Page } from "@playwright/test";
import { formatCents } from "../lib/money";
import { archiveProduct, createProduct, setCart } from "./catalogue-fixtures";
import { logInToAdmin, queryDatabase, seedProduct } from "./helpers";

// Issue 15, item 1: catalogue pages come from the cache, carry nothing of any visitor, and are
// refreshed when what they show changes.

const countIn = (page: Page) => page.getByRole("banner").getByTestId("cart-count");

/**
 * Loads the page until the cache answers it. Other tests' checkouts revalidate catalogue pages
 * in parallel, so one visit may be the (blocking) render that refills the cache.
 */
async function expectServedFromCache(page: Page, path: string) {
  await expect
    .poll(async () => (await page.goto(path))?.headers()["x-nextjs-cache"], {
      message: path,
      timeout: 30_000,
    })
    .toBe("HIT");
}

test("two visitors with different carts each see their own count on the same cached page", async ({
  browser,
  baseURL,
}) => {
  const notebook = seedProduct("field-notebook");
  const [variant] = await queryDatabase<{ id: string }>(
    `SELECT v."id" FROM "ProductVariant" v JOIN "Product" p ON p."id" = v."productId" WHERE p."slug" = $1`,
    [notebook.slug],
  );
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  await setCart(alice, baseURL!, [{ variantId: variant!.id, quantity: 1 }]);
  await setCart(bob, baseURL!, [{ variantId: variant!.id, quantity: 3 }]);
  const [alicePage, bobPage] = [await alice.newPage(), await bob.newPage()];

  for (const path of ["/", `/products/${notebook.slug}`, "/collections/paper-goods"]) {
    await alicePage.goto(path);
    await expectServedFromCache(bobPage, path);
    await expect(countIn(alicePage), path).toHaveText(/^1\b/);
    await expect(countIn(bobPage), path).toHaveText(/^3\b/);
  }
  // The cached HTML itself has no count: it is drawn in each browser.
  const html = await (await bobPage.request.get(`/products/${notebook.slug}`)).text();
  expect(html).not.toContain('data-testid="cart-count"');
  await alice.close();
  await bob.close();
});

test("a checkout refreshes the cached product page: a new price and the stock it took", async ({ page }) => {
  // Under the test-mode cap ($5), so QBitFlow takes the checkout.
  const product = await createProduct({ name: "Cache lantern", priceCents: 300, stock: 6 });
  try {
    await page.goto(`/products/${product.slug}`);
    await expect(page.getByRole("main").getByText(formatCents(300), { exact: true })).toBeVisible();
    await expectServedFromCache(page, `/products/${product.slug}`);

    // A price changed behind the cache's back (as an edit would, without its revalidation)…
    await queryDatabase(`UPDATE "Product" SET "priceCents" = 250 WHERE "id" = $1`, [product.id]);
    // …shows once something revalidates the product: here the order store, after a checkout.
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByRole("dialog", { name: "Your cart" })).toBeVisible();
    await page.keyboard.press("Escape");
    await page.goto("/cart");
    await page.getByRole("button", { name: "Pay with crypto" }).click();
    await page.waitForURL(/\/checkout\/pay@/);

    await page.goto(`/products/${product.slug}`);
    await expect(page.getByRole("main").getByText(formatCents(250), { exact: true })).toBeVisible();
    await expect(page.getByRole("main").getByText("Only 5 left")).toBeVisible();
  } finally {
    await archiveProduct(product);
  }
});

test("editing a price in the admin updates the cached product page and the home page", async ({
  page,
  browser,
}) => {
  const product = await createProduct({ name: "Cache compass", priceCents: 300, stock: 4 });
  const shopper = await browser.newPage();
  try {
    await shopper.goto(`/products/${product.slug}`);
    await expect(shopper.getByRole("main").getByText(formatCents(300), { exact: true })).toBeVisible();
    await expectServedFromCache(shopper, `/products/${product.slug}`);

    // The merchant changes the price in the admin.
    await logInToAdmin(page);
    await page.goto(`/admin/products/${product.id}`);
    await page.getByLabel("Price (USD)", { exact: true }).fill("2.75");
    await page.getByRole("button", { name: "Save product" }).click();
    await expect(page.getByText("Saved.", { exact: true })).toBeVisible();

    // The next visit renders the product page afresh, with the new price, and so does the home page.
    await shopper.goto(`/products/${product.slug}`);
    await expect(shopper.getByRole("main").getByText(formatCents(275), { exact: true })).toBeVisible();
    await shopper.goto("/");
    await expect(
      shopper
        .getByRole("region", { name: "The shop" })
        .getByRole("article")
        .filter({ hasText: product.name }),
    ).toContainText(formatCents(275));
  } finally {
    await shopper.close();
    await archiveProduct(product);
  }
});
