import { expect, test } from "@playwright/test";
import { addToCart, checkOut, queryDatabase, seedProduct } from "./helpers";

// A double submit must not open two orders, and one customer must not hold the stock with
// checkouts they never pay. Products with plenty of stock, so parallel specs never run out.
const stickers = seedProduct("trailhead-sticker-pack");

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the checkout form posted twice at once gives one order and one payment page", async ({ page }) => {
    await addToCart(page, stickers, 1);
    await page.goto("/cart");
    const form = page.locator("form", { has: page.getByRole("button", { name: "Pay with crypto" }) });
    const fields: Record<string, string> = {};
    for (const input of await form.locator("input").all()) {
      const name = await input.getAttribute("name");
      if (name) fields[name] = (await input.getAttribute("value")) ?? "";
    }
    expect(fields.submission).toMatch(/^[\w-]{16,}$/);

    const post = () => page.request.post("/cart", { multipart: fields, maxRedirects: 0 });
    const [first, second] = await Promise.all([post(), post()]);

    expect([first.status(), second.status()]).toEqual([303, 303]);
    const link = first.headers().location;
    expect(link).toMatch(/\/checkout\/pay@/);
    expect(second.headers().location).toBe(link);
    const orders = await queryDatabase<{ count: number }>(
      `SELECT count(*)::int AS count FROM "Order" WHERE "checkoutKey" = $1`,
      [fields.submission],
    );
    expect(orders).toEqual([{ count: 1 }]);
  });
});

test("a fourth unpaid checkout is refused with what to do, and the cart is kept", async ({ page }) => {
  for (let i = 0; i < 3; i++) await checkOut(page, stickers);

  await addToCart(page, stickers, 1);
  await page.goto("/cart");
  await page.getByRole("button", { name: "Pay with crypto" }).click();

  await expect(page.getByText(/You already have 3 unpaid checkouts open\. Pay or cancel one/)).toBeVisible();
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByRole("list", { name: "Items in your cart" })).toContainText(stickers.name);
});
