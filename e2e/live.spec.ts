import { expect, test, type Page } from "@playwright/test";
import { checkOut, seedProduct } from "./helpers";

// The order page follows the payment as it happens in another tab: over the WebSocket, or by
// polling when the WebSocket is unavailable, with the same result on screen.
const notebook = seedProduct("field-notebook");

/** Checks out, leaves the payment page, and returns the order id and the payment page's URL. */
async function openUnpaidOrder(page: Page) {
  await checkOut(page, notebook);
  const paymentUrl = page.url();
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.waitForURL(/\/checkout\/cancel\?order=/);
  return { orderId: new URL(page.url()).searchParams.get("order")!, paymentUrl };
}

async function payInAnotherTab(page: Page, paymentUrl: string) {
  const wallet = await page.context().newPage();
  await wallet.goto(paymentUrl);
  await wallet.getByRole("button", { name: "Pay", exact: true }).click();
  return wallet;
}

test("the order page goes from awaiting payment to paid without a reload", async ({ page }) => {
  const { orderId, paymentUrl } = await openUnpaidOrder(page);
  await page.goto(`/orders/${orderId}`);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText("Waiting for your payment");
  await expect(page.locator("[data-transport]")).toHaveAttribute("data-transport", "live");
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  await payInAnotherTab(page, paymentUrl);

  await expect(heading).toHaveText("Payment received. Thank you!", { timeout: 45_000 });
  await expect(
    page.getByRole("status").filter({ hasText: "Payment received. Your order is confirmed." }),
  ).toBeAttached();
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
    true,
  );
});

test("with the WebSocket blocked, the page still gets there by polling", async ({ page }) => {
  await page.routeWebSocket(/\/api\/live/, (socket) =>
    socket.close({ code: 1011, reason: "blocked by the test" }),
  );
  const { orderId, paymentUrl } = await openUnpaidOrder(page);
  await page.goto(`/orders/${orderId}`);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText("Waiting for your payment");
  await expect(page.locator("[data-transport]")).toHaveAttribute("data-transport", "fallback");

  await payInAnotherTab(page, paymentUrl);

  await expect(heading).toHaveText("Payment received. Thank you!", { timeout: 45_000 });
});

test("a guessed or malformed capability is refused", async ({ page }) => {
  await page.goto("/");
  const closeCodeFor = (order: string) =>
    page.evaluate(
      (subscribeTo) =>
        new Promise<number>((resolve) => {
          const socket = new WebSocket(`ws://${location.host}/api/live`);
          socket.onopen = () => socket.send(JSON.stringify({ type: "subscribe", order: subscribeTo }));
          // A snapshot would be a leak. A heartbeat is not: the server's 15 s tick can fall in the
          // moment this socket is open (it did once, in a CI run under load).
          socket.onmessage = (event) => {
            if (JSON.parse(String(event.data)).type !== "heartbeat") resolve(-1);
          };
          socket.onclose = (event) => resolve(event.code);
        }),
      order,
    );
  expect(await closeCodeFor("7QW2M4XK9ZB3N8R5T1V6C0HJDP")).toBe(4404);
  expect(await closeCodeFor("../../etc/passwd")).toBe(4404);
});
