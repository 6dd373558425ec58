// The admin's Refund form: its rules (QBitFlow's), what it says, and the revenue figures net of
// refunds, against a real database and the local QBitFlow sandbox.
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { loadOrderPage } from "@/lib/orders/order-page";
import { startCheckout } from "@/lib/orders/start-checkout";
import { createTestProduct, deleteTestProducts } from "@/lib/test/fixtures";
import { wallet } from "@/lib/test/sandbox-control";
import { orderTotals } from "./order-queries";
import { refundOrder } from "./refund-operations";
import { signSession } from "@/lib/admin/session/session-token";

// Hoisted above the imports: lib/env.ts reads the environment once, on first use.
const password = vi.hoisted(() => (process.env.ADMIN_PASSWORD ??= "admin-password-for-the-tests"));
const productIds: string[] = [];
const session = () => signSession(password);

async function paidOrder(priceCents = 200) {
  const product = await createTestProduct({ priceCents, stock: 10 });
  productIds.push(product.id);
  const started = await startCheckout({ lines: [{ variantId: product.variantId, quantity: 1 }] });
  if (!started.ok) throw new Error(started.message);
  const { qbitflowSessionId } = await db.order.findUniqueOrThrow({ where: { id: started.orderId } });
  await wallet.complete(qbitflowSessionId!);
  await loadOrderPage({ orderId: started.orderId, source: "success_page" });
  return { id: started.orderId, sessionId: qbitflowSessionId! };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

afterAll(async () => {
  await deleteTestProducts(productIds);
  await db.$disconnect();
});

describe("the Refund form", () => {
  it.each([
    ["", "Enter the percent to refund (100 for the whole payment)."],
    ["0", "The percent must be more than 0."],
    ["100.5", "A refund is at most 100% of the payment."],
    ["12.345", "Enter a number with at most two decimals, such as 100 or 12.5."],
    ["ten", "Enter a number with at most two decimals, such as 100 or 12.5."],
    ["-5", "Enter a number with at most two decimals, such as 100 or 12.5."],
  ])("percent %j is refused beside its field, and nothing changes", async (percent, message) => {
    const order = await paidOrder();
    const result = await refundOrder(session(), form({ orderId: order.id, amount: "partial", percent }));
    expect(result).toEqual({ ok: false, message, fieldErrors: { percent: [message] } });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      refundStatus: "NONE",
    });
  });

  it("texts over QBitFlow's 500 characters are refused beside their field", async () => {
    const order = await paidOrder();
    const result = await refundOrder(
      session(),
      form({ orderId: order.id, amount: "full", reason: "x".repeat(501), merchantMessage: "y".repeat(501) }),
    );
    expect(result.ok).toBe(false);
    expect(result.fieldErrors).toEqual({
      reason: ["Keep the reason under 500 characters (QBitFlow's limit)."],
      merchantMessage: ["Keep the message under 500 characters (QBitFlow's limit)."],
    });
  });

  it("a session is required", async () => {
    expect(await refundOrder(undefined, form({ orderId: "x" }))).toMatchObject({
      ok: false,
      signedOut: true,
    });
    expect(await refundOrder(session(), form({ orderId: "not an order", amount: "full" }))).toMatchObject({
      ok: false,
      fieldErrors: { orderId: ["Unknown order."] },
    });
  });

  it("a partial refund starts, and says the merchant must sign it in QBitFlow's dashboard", async () => {
    const order = await paidOrder();
    const result = await refundOrder(
      session(),
      form({
        orderId: order.id,
        amount: "partial",
        percent: "25",
        reason: "scratched",
        merchantMessage: "Sorry",
        restock: "on",
      }),
    );
    expect(result).toEqual({
      ok: true,
      message: expect.stringMatching(
        /^Refund refund@\S+ started\. No money moves until you sign the transfer in QBitFlow's dashboard\.$/,
      ),
    });
    const stored = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(stored).toMatchObject({ refundStatus: "PENDING", refundRestock: true, refundReason: "scratched" });
    expect(stored.refundPercent?.toString()).toBe("25");
    // A second submit is refused in words; QBitFlow is not asked again.
    expect(await refundOrder(session(), form({ orderId: order.id, amount: "full" }))).toEqual({
      ok: false,
      message: "This order already has a refund; its state is shown on this page.",
    });
  });
});

describe("revenue net of refunds", () => {
  it("subtracts the refunded share of the order total, once the refund was sent", async () => {
    const before = await orderTotals();
    const order = await paidOrder(400);
    const after = await orderTotals();
    expect(after.today.cents - before.today.cents).toBe(400);

    await refundOrder(session(), form({ orderId: order.id, amount: "partial", percent: "25" }));
    expect((await orderTotals()).today.cents).toBe(after.today.cents); // pending: no money moved yet

    const refundId = (await db.order.findUniqueOrThrow({ where: { id: order.id } })).refundUuid!;
    const base = getEnv().QBITFLOW_API_URL.replace(/\/v2$/, "");
    await fetch(`${base}/sandbox/refunds/${refundId}/sign`, { method: "POST", body: "{}" });
    const { reconcileOpenOrders } = await import("@/lib/orders/reconcile");
    await reconcileOpenOrders({ quietForMs: 0, limit: 1000 });

    const net = await orderTotals();
    expect(net.today.cents).toBe(after.today.cents - 100);
    expect(net.today.refundedCents - after.today.refundedCents).toBe(100);
    expect(net.week.cents).toBe(after.week.cents - 100);
  });

  it("counts the customers' requests waiting for an answer", async () => {
    const before = (await orderTotals()).refundRequests;
    const order = await paidOrder();
    const base = getEnv().QBITFLOW_API_URL.replace(/\/v2$/, "");
    await fetch(`${base}/sandbox/payments/${order.sessionId}/request-refund`, { method: "POST", body: "{}" });
    const { reconcileOpenOrders } = await import("@/lib/orders/reconcile");
    await reconcileOpenOrders({ quietForMs: 0, limit: 1000 });
    expect((await orderTotals()).refundRequests).toBe(before + 1);
  });
});
