import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { checkOut, queryDatabase, seedProduct } from "./helpers";

// The merchant's side of a payment: "did this customer pay, and did my server hear about it?"
// answered from the admin alone. playwright.config.ts starts the app with this password.
const ADMIN_PASSWORD = "e2e-admin-password";
const notebook = seedProduct("field-notebook");

test("log in, find a paid order by its tx hash, replay its webhook, export the CSV", async ({ page }) => {
  // The whole merchant flow, a payment included: ~25 s on a loaded 2-core machine, close to the
  // default 30 s, and the full suite ran out of time at its last step.
  test.slow();
  // A customer pays; QBitFlow's webhook reaches the store.
  await checkOut(page, notebook);
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await page.waitForURL(/\/checkout\/success\?order=/, { timeout: 45_000 });
  const orderId = new URL(page.url()).searchParams.get("order")!;
  await expect
    .poll(async () => {
      const rows = await queryDatabase<{ processed: boolean }>(
        `SELECT "processedAt" IS NOT NULL AS processed FROM "WebhookEvent" WHERE "orderId" = $1 AND "type" = 'payment.completed'`,
        [orderId],
      );
      return rows[0]?.processed ?? false;
    })
    .toBe(true);
  const [paid] = await queryDatabase<{ txHash: string }>(`SELECT "txHash" FROM "Order" WHERE "id" = $1`, [
    orderId,
  ]);
  const txHash = paid!.txHash;

  // The admin is behind its password.
  await page.goto("/admin/orders");
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.getByLabel("Password").fill("not-the-admin-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("Wrong password.", { exact: true }).first()).toBeVisible();
  await page.getByLabel("Password").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  // The admin bar says which QBitFlow the store talks to, and in which mode.
  await expect(page.getByTitle(/QBitFlow test key/)).toHaveText("Test mode");
  await expect(page.getByText(/^http:\/\/127\.0\.0\.1:\d+\/v2$/)).toBeVisible();

  // Find the order by its transaction hash.
  await page.getByRole("searchbox", { name: "Search orders" }).fill(txHash);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?q=0x/);
  const code = `${orderId.slice(0, 4)}-${orderId.slice(4, 6)}`;
  await expect(page.getByRole("row")).toHaveCount(2); // the header and our order
  await page.getByRole("link", { name: `Order ${code}` }).click();

  // Paid, and the server heard about it.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Order ${code}`);
  await expect(page.locator("[data-status=PAID]").first()).toBeVisible();
  await expect(page.getByText(txHash)).toBeVisible();
  const events = page.getByRole("region", { name: "Webhook events" });
  await events.getByRole("link", { name: "payment.completed" }).click();

  // Replaying the processed payment changes nothing.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("payment.completed");
  await page.getByRole("button", { name: "Replay" }).click();
  await expect(
    page.getByText("Replayed: nothing changed (the event had already been applied)."),
  ).toBeVisible();
  const history = await queryDatabase<{ toStatus: string }>(
    `SELECT "toStatus" FROM "OrderStatusChange" WHERE "orderId" = $1 AND "toStatus" = 'PAID'`,
    [orderId],
  );
  expect(history).toHaveLength(1);

  // The order is in the CSV export (the form's default range ends today).
  await page.getByRole("link", { name: "Orders", exact: true }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe(
    "order id,code,created,status,total USD,email,session id,tx hash,paid at,amount paid USD,needs review,refund status,refund percent,refund amount USD,refunded at,item,variant,SKU,quantity,unit price USD",
  );
  const row = csv.split("\r\n").find((line) => line.startsWith(orderId));
  expect(row).toContain(`,${code},`);
  expect(row).toContain(`,PAID,`);
  expect(row).toContain(txHash);
});

test("without a session, the export answers 401", async ({ request }) => {
  const response = await request.get("/admin/orders/export?from=2026-01-01&to=2026-12-31");
  expect(response.status()).toBe(401);
});
