import { expect, test } from "@playwright/test";
import { startSandbox, type RunningSandbox } from "../sandbox/server";
import { answerRefundInDashboard, requestRefundOnInvoice } from "./sandbox-refunds";

// The sandbox's refund buttons in a real browser: the customer's Request a refund on the invoice
// page and the merchant's Sign refund / Deny in the dashboard. A sandbox of its own (no webhook
// endpoint), so these payments never reach the app's database or other tests.
let sandbox: RunningSandbox;

test.beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, stateFile: null, confirmationDelayMs: 0 });
});
test.afterAll(async () => {
  await sandbox.close();
});

async function paidPayment(reference: string): Promise<string> {
  const res = await fetch(`${sandbox.url}/v2/transaction/session-checkout/new/payment`, {
    method: "POST",
    headers: { "X-API-Key": sandbox.apiKey, "Content-Type": "application/json" },
    body: JSON.stringify({ productName: "Trail map", price: 3, reference }),
  });
  const { uuid } = (await res.json()) as { uuid: string };
  await fetch(`${sandbox.url}/sandbox/sessions/${uuid}/complete`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ skipConfirmation: true }),
  });
  return uuid;
}

test("a customer requests a refund on the invoice page and the merchant signs it in the dashboard", async ({
  page,
}) => {
  const reference = `e2e-refund-${Date.now()}`;
  const uuid = await paidPayment(reference);
  await requestRefundOnInvoice(page, uuid, "The map was torn", sandbox.url);

  await answerRefundInDashboard(page, reference, "Sign refund", sandbox.url);
  await page.goto(`${sandbox.url}/checkout/${uuid}/invoice`);
  await expect(page.getByText(/^Refunded \$3\.\d+ \(100 %\) on /)).toBeVisible();
  await expect(page.getByRole("link", { name: "View the refund on the explorer" })).toHaveAttribute(
    "href",
    /^https:\/\/sepolia\.basescan\.org\/tx\/0x[0-9a-f]{64}$/,
  );
});

test("the merchant denies a refund they started, and the invoice says so", async ({ page }) => {
  const reference = `e2e-deny-${Date.now()}`;
  const uuid = await paidPayment(reference);
  const res = await fetch(`${sandbox.url}/v2/transaction/refunds/initiate`, {
    method: "POST",
    headers: { "X-API-Key": sandbox.apiKey, "Content-Type": "application/json" },
    body: JSON.stringify({ txUuid: uuid, refundPercent: 50 }),
  });
  expect(res.status).toBe(201);

  await answerRefundInDashboard(page, reference, "Deny", sandbox.url);
  await page.goto(`${sandbox.url}/checkout/${uuid}/invoice`);
  await expect(page.getByText("Your refund request was denied.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Request a refund" })).toHaveCount(0);
});
