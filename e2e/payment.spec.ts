import { expect, test } from "@playwright/test";
import { checkOut, queryDatabase, seedProduct } from "./helpers";

// Paying, leaving and cancelling on QBitFlow's hosted page (the sandbox), and what the store
// shows when the customer comes back.
const notebook = seedProduct("field-notebook");
const coffee = seedProduct("roasters-coffee-sampler");

test("pay on the payment page → the success page shows the order paid, with its receipt", async ({
  page,
}) => {
  await checkOut(page, notebook);
  await page.getByLabel("Pay with").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Pay", exact: true }).click();

  await page.waitForURL(/\/checkout\/success\?order=/, { timeout: 45_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Payment received. Thank you!");
  const receipt = page.getByRole("region", { name: "Receipt" });
  await expect(receipt).toContainText(`1 × ${notebook.name}`);
  await expect(page.getByRole("link", { name: /^0x/ })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Paid" })).toHaveAttribute(
    "aria-current",
    "step",
  );

  // Server to server, QBitFlow's signed webhook reached the app, was verified and processed.
  const orderId = new URL(page.url()).searchParams.get("order");
  await expect
    .poll(async () => {
      const rows = await queryDatabase<{ processed: boolean }>(
        `SELECT "processedAt" IS NOT NULL AS processed FROM "WebhookEvent" WHERE "orderId" = $1 AND "type" = 'payment.completed'`,
        [orderId],
      );
      return rows[0]?.processed ?? false;
    })
    .toBe(true);

  // The receipt link leads to the order page, which shows the same state later.
  await page.getByRole("link", { name: /^order / }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Payment received. Thank you!");
});

test("cancel on the payment page → nothing charged → return to payment → pay", async ({ page }) => {
  await checkOut(page, notebook);
  await page.getByRole("button", { name: "Cancel" }).click();

  await page.waitForURL(/\/checkout\/cancel\?order=/);
  await expect(page.getByText("Nothing was charged.")).toBeVisible();
  await page.getByRole("link", { name: "Return to payment" }).click();

  await page.waitForURL(/\/checkout\/pay@/);
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await page.waitForURL(/\/checkout\/success\?order=/, { timeout: 45_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Payment received. Thank you!");
});

test("cancel the order → it is cancelled and its stock is back on sale", async ({ page }) => {
  await page.goto(`/products/${coffee.slug}`);
  const before = await page.getByText(/^(Only \d+ left|In stock)$/).textContent();

  await checkOut(page, coffee);
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.waitForURL(/\/checkout\/cancel\?order=/);
  await page.getByRole("button", { name: "Cancel order" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Order cancelled");
  await expect(page.getByText("Your order is cancelled and nothing was charged.")).toBeVisible();
  await page.goto(`/products/${coffee.slug}`);
  await expect(page.getByText(/^(Only \d+ left|In stock)$/)).toHaveText(before!);
  // The items went back into the cart.
  await expect(page.getByRole("link", { name: /Cart 1 item/ })).toBeVisible();
});

test("a success link with someone else's session changes nothing and says so", async ({ page }) => {
  await checkOut(page, notebook);
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.waitForURL(/\/checkout\/cancel\?order=/);
  const orderId = new URL(page.url()).searchParams.get("order");

  const foreign = await page.goto(
    `/checkout/success?order=${orderId}&session=pay@00000000-0000-4000-8000-000000000000`,
  );
  expect(foreign?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn't find that order");
  await expect(page.getByText("nothing was changed")).toBeVisible();

  await page.goto(`/orders/${orderId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Waiting for your payment");
});
