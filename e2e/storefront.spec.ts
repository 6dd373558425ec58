import { test, expect } from "@playwright/test";
import { formatCents } from "../lib/money";
import { seedProducts } from "../prisma/seed-data";

// What a customer does first: browse, open a product, follow a dead link. Names and prices come
// from the seed data, so renaming a product there keeps this spec honest without edits here.

test("the home page lists every seeded product", async ({ page }) => {
  await page.goto("/");
  const catalogue = page.getByRole("region", { name: "The shop" });
  for (const product of seedProducts) {
    await expect(catalogue.getByRole("link", { name: product.name, exact: true })).toBeVisible();
  }
});

test("a product card opens the product page", async ({ page }) => {
  const product = seedProducts[0];
  if (!product) throw new Error("seedProducts is empty");

  await page.goto("/");
  await page.getByRole("link", { name: product.name, exact: true }).click();

  // waitForURL, not toHaveURL: it waits up to the test timeout, enough for a cold dev compile.
  await page.waitForURL(`**/products/${product.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(product.name);
  await expect(
    page.getByRole("main").getByText(formatCents(product.priceCents), { exact: true }),
  ).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(product.name));
});

test("an unknown product answers 404 with a way back to the shop", async ({ page }) => {
  const response = await page.goto("/products/no-such-product");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Product not found");

  await page.getByRole("main").getByRole("link", { name: "Back to the shop" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("an unknown page answers 404 with a way back to the shop", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("main").getByRole("link", { name: "Back to the shop" })).toHaveAttribute(
    "href",
    "/",
  );
});

test("the store shows that it runs on a QBitFlow test key", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("banner").getByText("Test mode", { exact: true })).toBeVisible();
});
