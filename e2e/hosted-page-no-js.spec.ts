import { expect, test } from "@playwright/test";
import { seedProduct } from "./helpers";

// The sandbox's hosted payment page without JavaScript (issue 13, item 13): the amount, the
// currencies and the store's name are in the HTML, and Pay is a real form that ends, through
// the page's own refreshes, on the store's success page.
const stickers = seedProduct("trailhead-sticker-pack");

test.describe("the hosted payment page without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("shows what to pay and to whom, and Pay leads back to the paid order", async ({ page }) => {
    await page.goto(`/products/${stickers.slug}`);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await page.goto("/cart");
    await page.getByRole("button", { name: "Pay with crypto" }).click();
    await page.waitForURL(/\/checkout\/pay@/);

    await expect(page.getByLabel("Amount due")).toHaveText(`$${(stickers.priceCents / 100).toFixed(2)}`);
    await expect(page.getByText("Northwind Supply", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Pay with").locator("option")).toHaveCount(6);
    await expect(page.getByText(/^You pay .+ plus the network fee$/)).toBeVisible();

    await page.getByLabel("Pay with").selectOption({ label: "USDC on Solana" });
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await expect(page.getByText("Paying with USDC on Solana.")).toBeVisible();

    await page.waitForURL(/\/checkout\/success\?order=/, { timeout: 45_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Payment received. Thank you!");
  });
});
