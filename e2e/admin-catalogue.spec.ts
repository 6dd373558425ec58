import { randomUUID } from "node:crypto";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { logInToAdmin } from "./helpers";

// The merchant's catalogue, end to end: a product with two sizes and an uploaded picture made in
// the admin, bought in size M on the store, its stock per size, then archived: gone from the
// store, still on the order.

async function setStock(page: Page, size: string, units: number) {
  const form = page.getByRole("form", { name: `Stock of ${size}` });
  await form.getByLabel("Change").selectOption("set");
  await form.getByLabel(`Units of ${size}`).fill(String(units));
  await form.getByLabel(`Reason for ${size}`).fill("First delivery");
  await form.getByRole("button", { name: "Update stock" }).click();
  await expect(form.getByText(`Stock is now ${units}.`)).toBeVisible();
}

const stockLine = (page: Page, size: string) =>
  page.getByRole("form", { name: `Stock of ${size}` }).getByTestId(/-level$/);

test("create a product with sizes and a picture, buy size M, archive it", async ({ page }) => {
  // Admin work, a purchase through the sandbox's payment page and the checks after: a long flow.
  test.slow();
  const name = `Trail Tee ${randomUUID().slice(0, 6)}`;
  const slug = name.toLowerCase().replaceAll(" ", "-");

  await logInToAdmin(page);
  await page.getByRole("link", { name: "Products", exact: true }).click();
  await page.getByRole("link", { name: "Add product" }).click();

  // A bad price is refused beside the field, and what was typed stays.
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Price (USD)", { exact: true }).fill("2.999");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByText("Use at most two decimals (cents).").first()).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
  await page.getByLabel("Price (USD)", { exact: true }).fill("3.49"); // the sandbox in test mode takes at most $5;
  await page
    .getByLabel(/^Description/)
    .fill("Soft **organic** cotton. [Care guide](https://example.com/care)");
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Product created.")).toBeVisible();

  // Two sizes: one variant each.
  await page.getByLabel("Option 1", { exact: true }).fill("Size");
  await page.getByLabel(/^Values/).fill("S, M");
  await page.getByRole("button", { name: "Save options" }).click();
  await expect(page.getByText(/^Options saved: 2 variants, 2 new/)).toBeVisible();

  // A picture, uploaded.
  await page
    .getByLabel(/^Upload an image/)
    .setInputFiles(path.join(import.meta.dirname, "fixtures/tiny-tee.png"));
  await page.getByLabel(/^Alt text \(what the picture shows/).fill("The trail tee, folded");
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByText("Image added.")).toBeVisible();
  const thumbnail = page.getByRole("img", { name: "The trail tee, folded" });
  await expect(thumbnail).toBeVisible();
  // Through next/image's optimizer, which fetches /images/<hash> from the app itself.
  await expect
    .poll(() => thumbnail.evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBeGreaterThan(0);

  await setStock(page, "S", 5);
  await setStock(page, "M", 3);

  // On the store, with its picture served from the database.
  await page.goto(`/products/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const picture = page.getByRole("img", { name: "The trail tee, folded" }).first();
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(
    true,
  );
  // The description's Markdown, rendered: bold, and a link that passes on neither rank nor the page.
  await expect(page.locator("strong", { hasText: "organic" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Care guide" })).toHaveAttribute(
    "rel",
    "nofollow noopener noreferrer",
  );

  // Buy size M and pay on QBitFlow's (the sandbox's) page.
  await page.getByRole("link", { name: "M", exact: true }).click();
  await expect(page).toHaveURL(/\?variant=/);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText(`Added 1 × ${name} (M) to your cart.`)).toBeVisible();
  await page.goto("/cart");
  await page.getByRole("button", { name: "Pay with crypto" }).click();
  await page.waitForURL(/\/checkout\/pay@/);
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await page.waitForURL(/\/checkout\/success\?order=/, { timeout: 45_000 });
  const orderId = new URL(page.url()).searchParams.get("order")!;

  // M's stock went down, S's did not.
  await page.goto("/admin/products");
  await page.getByRole("searchbox", { name: "Search products" }).fill(name);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByRole("link", { name }).click();
  await expect(stockLine(page, "M")).toHaveText(/^2 in stock/);
  await expect(stockLine(page, "S")).toHaveText(/^5 in stock/);

  // Archived: gone from the store, still on the order.
  await page.getByRole("button", { name: "Archive", exact: true }).click();
  await expect(page.getByText("Archived: off the store, still on its orders.")).toBeVisible();
  const response = await page.goto(`/products/${slug}`);
  expect(response?.status()).toBe(404);
  await page.goto("/");
  await expect(page.getByText(name)).toHaveCount(0);
  await page.goto(`/admin/orders/${orderId}`);
  await expect(page.getByText(new RegExp(`1 × ${name} · M`))).toBeVisible();
});
