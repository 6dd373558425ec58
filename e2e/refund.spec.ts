import { expect, test, type Page } from "@playwright/test";
import { checkOut, logInToAdmin, queryDatabase, seedProduct } from "./helpers";
import { answerRefundInDashboard, requestRefundOnInvoice } from "./sandbox-refunds";

// A refund from both sides at once: the customer keeps their order page open; the merchant
// refunds the order in the admin, signs the transfer in QBitFlow's dashboard (the sandbox's), and
// the customer's page turns to "Refunded" without a reload (QBitFlow's refund.completed webhook →
// the order's refund state → the live socket).
// A product without options: the helpers add it to the cart without choosing a size.
const pin = seedProduct("summit-enamel-pin");

/** Buys the pin and pays on QBitFlow's page; returns once the order is PAID. */
async function paidOrder(page: Page): Promise<{ orderId: string; paymentId: string }> {
  await checkOut(page, pin);
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await page.waitForURL(/\/checkout\/success\?order=/, { timeout: 45_000 });
  const orderId = new URL(page.url()).searchParams.get("order")!;
  let paymentId = "";
  await expect
    .poll(async () => {
      const [row] = await queryDatabase<{ status: string; qbitflowSessionId: string }>(
        `SELECT "status", "qbitflowSessionId" FROM "Order" WHERE "id" = $1`,
        [orderId],
      );
      paymentId = row?.qbitflowSessionId ?? "";
      return row?.status;
    })
    .toBe("PAID");
  return { orderId, paymentId };
}

test("pay, refund from the admin, sign in QBitFlow's dashboard: the customer's page says Refunded live", async ({
  page,
  browser,
}) => {
  // A payment, the admin, the dashboard and two browsers on a loaded 2-core machine.
  test.slow();
  const { orderId } = await paidOrder(page);

  // The customer watches their order page; it is paid and stays listening.
  await page.goto(`/orders/${orderId}`);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText("Payment received. Thank you!");
  await expect(page.locator("[data-transport=live]")).toBeVisible();

  // The merchant, in a browser of their own.
  const merchant = await (await browser.newContext()).newPage();
  await logInToAdmin(merchant);
  await merchant.goto(`/admin/orders/${orderId}`);
  const form = merchant.getByRole("form", { name: "Refund" });
  // A bad percent is refused beside its field and starts nothing.
  await form.getByLabel("Part of it").check();
  await form.getByLabel("Percent of what the customer paid").fill("120");
  await form.getByRole("button", { name: "Refund" }).click();
  await expect(form.getByText("A refund is at most 100% of the payment.").first()).toBeVisible();
  await expect(form.getByLabel("Percent of what the customer paid")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("The whole payment (100%)").check();
  await form.getByLabel("Message to the customer").fill("Sorry it arrived late.");
  await form.getByLabel("Put the units back in stock when the refund completes").check();
  await form.getByRole("button", { name: "Refund" }).click();
  await expect(merchant.getByText(/Sign the refund's transfer in QBitFlow's dashboard/)).toBeVisible();
  await expect(
    merchant.getByRole("link", { name: "Open QBitFlow's dashboard to sign or deny" }),
  ).toBeVisible();

  // The customer already sees the refund on its way.
  await expect(page.getByRole("region", { name: "Refund" })).toContainText("Refund on its way");

  // The merchant signs in QBitFlow's dashboard; the customer's page moves on by itself.
  await answerRefundInDashboard(merchant, orderId, "Sign refund");
  await expect(heading).toHaveText("Refunded", { timeout: 45_000 });
  await expect(page.getByRole("region", { name: "Refund" })).toContainText("Sorry it arrived late.");
  await expect(page.getByRole("region", { name: "Refund" })).toContainText("100% of your payment");

  // And the admin's page says so too.
  await merchant.goto(`/admin/orders/${orderId}`);
  await expect(merchant.getByText("The refund was sent.")).toBeVisible();
  await expect(merchant.getByText("units put back in stock")).toBeVisible();
});

test("a customer's request from the invoice page is the merchant's to review; the units go back when it is signed", async ({
  page,
  browser,
}) => {
  test.slow();
  const { orderId, paymentId } = await paidOrder(page);
  await requestRefundOnInvoice(page, paymentId, "It arrived bent");

  // QBitFlow's refund.requested webhook put it in the admin's review list.
  const merchant = await (await browser.newContext()).newPage();
  await logInToAdmin(merchant);
  await merchant.goto("/admin/orders?status=refunds");
  await merchant.locator(`a[href="/admin/orders/${orderId}"]`).click();
  await expect(merchant.getByText(/The customer asked for this refund/)).toBeVisible();
  await expect(merchant.getByText("It arrived bent", { exact: true })).toBeVisible();
  await expect(merchant.getByText("left as sold")).toBeVisible();

  await merchant.getByRole("button", { name: "Put the units back in stock when it completes" }).click();
  await expect(merchant.getByText("The units go back in stock when the refund completes.")).toBeVisible();
  await expect(
    merchant.getByText("units go back in stock when the refund completes", { exact: true }),
  ).toBeVisible();

  await answerRefundInDashboard(merchant, orderId, "Sign refund");
  await merchant.goto(`/admin/orders/${orderId}`);
  await expect(merchant.getByText("The refund was sent.")).toBeVisible();
  await expect(merchant.getByText("units put back in stock")).toBeVisible();
});
