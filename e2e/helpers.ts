import { expect, type Page } from "@playwright/test";
import { seedProducts } from "../prisma/seed-data";

export type SeedProduct = (typeof seedProducts)[number];

export function seedProduct(slug: string): SeedProduct {
  const product = seedProducts.find((candidate) => candidate.slug === slug);
  if (!product) throw new Error(`no seed product ${slug}`);
  return product;
}

export async function addToCart(page: Page, product: SeedProduct, quantity = 1) {
  await page.goto(`/products/${product.slug}`);
  await page.getByLabel("Quantity").selectOption(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText(`Added ${quantity} × ${product.name} to your cart.`)).toBeVisible();
  // With JavaScript the cart drawer opened (a modal dialog): close it, as a customer going on
  // would. Without JavaScript there is none (the wait ends unanswered).
  const drawer = page.getByRole("dialog", { name: "Your cart" });
  const opened = await drawer.waitFor({ timeout: 2_000 }).then(
    () => true,
    () => false,
  );
  if (opened) {
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
  }
}

/** Buys the product and stops on QBitFlow's hosted payment page. */
export async function checkOut(page: Page, product: SeedProduct, quantity = 1) {
  await addToCart(page, product, quantity);
  await page.goto("/cart");
  await page.getByRole("button", { name: "Pay with crypto" }).click();
  await page.waitForURL(/\/checkout\/pay@/);
}

/** playwright.config.ts starts the app with this admin password. */
export const ADMIN_PASSWORD = "e2e-admin-password";

/** Logs in to the admin from its login page; the admin opens on its Orders page. */
export async function logInToAdmin(page: Page) {
  await page.goto("/admin/login");
  await page.getByLabel("Password").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
}

/** Reads the app's database directly: for checks a customer cannot see, such as the webhook inbox. */
export async function queryDatabase<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
