// Helpers for browser tests of refunds: the merchant's signature step in the sandbox's dashboard
// (QBitFlow's own dashboard in real life) and the customer's request on the invoice page. The
// sandbox is the one `npm test` starts (QBITFLOW_API_URL), unless a test passes its own URL.
import { expect, type Page } from "@playwright/test";

/** The sandbox's base URL (without `/v2`), from the environment `npm test` gives Playwright. */
export function sandboxUrl(): string {
  const api = process.env.QBITFLOW_API_URL;
  if (!api) throw new Error("QBITFLOW_API_URL is not set: run the browser tests through npm test");
  return api.replace(/\/v2\/?$/, "");
}

/**
 * Opens the dashboard and presses **Sign refund** (or **Deny**) on the refund whose row shows
 * `match`: the order reference, the payment id or the refund id. Waits for the new status.
 */
export async function answerRefundInDashboard(
  page: Page,
  match: string,
  answer: "Sign refund" | "Deny" = "Sign refund",
  baseUrl: string = sandboxUrl(),
): Promise<void> {
  await page.goto(`${baseUrl}/`);
  const row = page.locator("#refunds tr", { hasText: match });
  await row.getByRole("button", { name: answer, exact: true }).click();
  await expect(row.getByText(answer === "Deny" ? "rejected" : "approved", { exact: true })).toBeVisible();
}

/** The same through the control API, for tests that do not need to see the dashboard. */
export async function answerRefund(
  refundUuid: string,
  answer: "sign" | "deny",
  body: { merchantMessage?: string } = {},
  baseUrl: string = sandboxUrl(),
): Promise<Record<string, unknown>> {
  const res = await fetch(`${baseUrl}/sandbox/refunds/${encodeURIComponent(refundUuid)}/${answer}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok)
    throw new Error(`sandbox refused to ${answer} ${refundUuid}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { refund: Record<string, unknown> }).refund;
}

/** The customer asks for a refund on the payment's invoice page, as they would by hand. */
export async function requestRefundOnInvoice(
  page: Page,
  paymentUuid: string,
  reason = "",
  baseUrl: string = sandboxUrl(),
): Promise<void> {
  await page.goto(`${baseUrl}/checkout/${encodeURIComponent(paymentUuid)}/invoice`);
  if (reason) await page.getByLabel("Why do you want a refund? (optional)").fill(reason);
  await page.getByRole("button", { name: "Request a refund" }).click();
  await expect(page.getByText(/You requested a refund of/)).toBeVisible();
}
