import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { addToCart, queryDatabase, seedProduct } from "./helpers";

// A customer who leaves an email pays in the sandbox and finds the receipt in the local mailbox
// (started by `npm test`, as by `npm run dev`), sent by the outbox's dispatcher in the server.
const mailboxUrl = process.env.MAILBOX_URL;
const notebook = seedProduct("field-notebook");

test("pay in the sandbox, open the local mailbox, read the receipt", async ({ page }) => {
  test.skip(!mailboxUrl, "MAILBOX_URL is not set: run through npm test, which starts the local mailbox");
  const email = `e2e-${randomUUID().slice(0, 8)}@example.com`;
  await addToCart(page, notebook);
  await page.goto("/cart");
  await page.getByLabel(/Email for the receipt/).fill(email);
  await page.getByRole("button", { name: "Pay with crypto" }).click();
  await page.waitForURL(/\/checkout\/pay@/);
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await page.waitForURL(/\/checkout\/success\?order=/, { timeout: 45_000 });
  const orderId = new URL(page.url()).searchParams.get("order")!;
  const code = `${orderId.slice(0, 4)}-${orderId.slice(4, 6)}`;

  await page.goto(mailboxUrl!);
  const receipt = page.getByRole("link", { name: new RegExp(`Your receipt from .* \\(order ${code}\\)`) });
  await expect(async () => {
    await page.reload();
    await expect(receipt).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 45_000 });
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await receipt.click();

  const [paid] = await queryDatabase<{ txHash: string }>(`SELECT "txHash" FROM "Order" WHERE "id" = $1`, [
    orderId,
  ]);
  const html = page.frameLocator("iframe[title='HTML part']");
  await expect(html.getByRole("heading", { name: "Thank you, your payment arrived" })).toBeVisible();
  await expect(html.getByRole("link", { name: paid!.txHash })).toBeVisible();
  await expect(html.getByRole("link", { name: "View your order" })).toHaveAttribute(
    "href",
    new RegExp(`/orders/${orderId}$`),
  );
  await expect(page.getByText(notebook.name).first()).toBeVisible();
});
