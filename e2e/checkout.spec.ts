import { expect, test } from "@playwright/test";
import { formatCents } from "../lib/money";
import { addToCart, seedProduct } from "./helpers";

// A customer fills a cart and checks out; QBitFlow's hosted page (the sandbox here) must show
// exactly the cart's total. Products with plenty of stock, so parallel specs never run out.
const stickers = seedProduct("trailhead-sticker-pack");
const postcards = seedProduct("coastline-postcard-set");

test("browse, add to cart, change a quantity, check out, land on the payment page with the right amount", async ({
  page,
}) => {
  await addToCart(page, stickers, 2);
  await addToCart(page, postcards, 1);
  await expect(page.getByRole("link", { name: /Cart 3 items/ })).toBeVisible();

  await page.getByRole("link", { name: /Cart/ }).click();
  const summary = page.getByRole("complementary", { name: "Order summary" });
  await expect(summary).toContainText(formatCents(2 * stickers.priceCents + postcards.priceCents));

  // Optimistic: the total follows the new quantity.
  const saved = page.waitForResponse((response) => response.request().method() === "POST");
  await page.getByLabel(`Quantity of ${stickers.name}`).selectOption("1");
  const total = stickers.priceCents + postcards.priceCents;
  await expect(summary).toContainText(formatCents(total));
  // And the server action stored it: it is still there after a reload.
  await saved;
  await page.reload();
  await expect(summary).toContainText(formatCents(total));

  await page.getByLabel(/Email for the receipt/).fill("ada@example.com");
  await page.getByRole("button", { name: "Pay with crypto" }).click();

  await page.waitForURL(/\/checkout\/pay@/);
  await expect(page.getByLabel("Amount due")).toHaveText(formatCents(total));
  await expect(page.getByRole("button", { name: "Pay" })).toBeVisible();
});

test("a bad email is refused in place, tied to the field, and the cart is kept", async ({ page }) => {
  await addToCart(page, stickers, 1);
  await page.goto("/cart");
  await page.getByLabel(/Email for the receipt/).fill("not-an-email");
  await page.getByRole("button", { name: "Pay with crypto" }).click();
  const email = page.getByLabel(/Email for the receipt/);
  await expect(email).toHaveAccessibleDescription("Enter a valid email address, or leave it empty.");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByRole("list", { name: "Items in your cart" })).toContainText(stickers.name);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the cart and the checkout form still work", async ({ page }) => {
    await page.goto(`/products/${postcards.slug}`);
    await page.getByLabel("Quantity").selectOption("2");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByText(`Added 2 × ${postcards.name} to your cart.`)).toBeVisible();

    await page.goto("/cart");
    await page.getByRole("button", { name: "Pay with crypto" }).click();
    await page.waitForURL(/\/checkout\/pay@/);
    // The sandbox page fills the amount with its own script; its title names the order.
    await expect(page).toHaveTitle(/Order [0-9A-Z]{4}-[0-9A-Z]{2}/);
  });
});
