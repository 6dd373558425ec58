// Checkout against a real database and the local QBitFlow sandbox (started by the test setup).
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { createQBitFlowClient, type QBitFlowClient } from "@/lib/qbitflow";
import { createTestProduct, deleteTestProducts } from "@/lib/test/fixtures";
import { placeOrder } from "./place-order";

const productIds: string[] = [];
async function product(overrides: Parameters<typeof createTestProduct>[0]) {
  const created = await createTestProduct(overrides);
  productIds.push(created.id);
  return created;
}
// The stock of a test product's one (default) variant.
const stockOf = async (id: string) =>
  (await db.productVariant.findFirstOrThrow({ where: { productId: id } })).stock;
const sandboxUrl = () => getEnv().QBITFLOW_API_URL.replace(/\/v2$/, "");

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** A client whose every answer comes from `respond`, without waiting between retries. */
function scriptedClient(respond: () => Promise<Response>): QBitFlowClient {
  return createQBitFlowClient({
    baseUrl: "https://qbitflow.invalid/v2",
    apiKey: "sk_00000000-0000-4000-8000-000000000009_test_x",
    fetch: respond,
    sleep: async () => {},
  });
}

afterAll(async () => {
  await deleteTestProducts(productIds);
  await db.$disconnect();
});

describe("placeOrder", () => {
  it("opens a QBitFlow session for the database price, whatever the form says", async () => {
    const item = await product({ priceCents: 175, stock: 5 });

    const result = await placeOrder(
      // A tampering browser: its price, total and quantity fields are not read.
      form({
        email: "ada@example.com",
        price: "0.01",
        totalCents: "1",
        variantId: item.variantId,
        quantity: "9",
      }),
      [{ variantId: item.variantId, quantity: 2 }],
    );

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const order = await db.order.findUniqueOrThrow({ where: { id: result.orderId } });
    expect(order).toMatchObject({ status: "PENDING", totalCents: 350, email: "ada@example.com" });
    expect(order.qbitflowSessionId).toMatch(/^pay@/);
    expect(result.link).toBe(order.checkoutLink);
    expect(order.expiresAt!.getTime() - Date.now()).toBeGreaterThan(25 * 60_000);

    const session = await (await fetch(`${sandboxUrl()}/sandbox/sessions/${order.qbitflowSessionId}`)).json();
    expect(session).toMatchObject({
      price: 3.5,
      reference: order.id,
      productName: expect.stringMatching(/^Order /),
    });
    expect(session.successUrl).toBe(
      `${getEnv().APP_URL}/checkout/success?order=${order.id}&session={{UUID}}`,
    );
    expect(await stockOf(item.id)).toBe(3); // 2 of 5 held by the order
  });

  it.each([
    ["not-an-email", "Enter a valid email address, or leave it empty."],
    [`${"a".repeat(250)}@example.com`, "That email address is too long."],
  ])("refuses the email %s with a field error, and orders nothing", async (email, message) => {
    const item = await product({});
    const result = await placeOrder(form({ email }), [{ variantId: item.variantId, quantity: 1 }]);
    expect(result).toEqual({ ok: false, message, fieldErrors: { email: [message] } });
    expect(await db.order.count({ where: { items: { some: { productId: item.id } } } })).toBe(0);
  });

  it("says the cart is empty", async () => {
    expect(await placeOrder(form({}), [])).toEqual({ ok: false, message: "Your cart is empty." });
  });
});

describe("when QBitFlow says no", () => {
  async function expectFailedStart(
    result: Awaited<ReturnType<typeof placeOrder>>,
    product: { id: string; stock: number },
    code: string,
  ) {
    const productId = product.id;
    expect(result.ok).toBe(false);
    const order = await db.order.findFirstOrThrow({
      where: { items: { some: { productId } } },
      include: { statusChanges: { orderBy: { createdAt: "asc" } } },
    });
    expect(order).toMatchObject({ status: "CANCELLED", stockState: "RELEASED", startErrorCode: code });
    expect(order.statusChanges.map((change) => change.toStatus)).toEqual(["PENDING", "CANCELLED"]);
    expect(await stockOf(productId)).toBe(product.stock); // the held units are back
  }

  it("over the test-mode cap: the sandbox refuses, the reservation is released, the customer is told why", async () => {
    const pricey = await product({ priceCents: 450, stock: 5 });
    const result = await placeOrder(form({}), [{ variantId: pricey.variantId, quantity: 2 }]);
    expect(result).toMatchObject({
      ok: false,
      message:
        "Test mode accepts at most $5 per checkout. Lower a quantity or remove an item, and try again.",
    });
    await expectFailedStart(result, pricey, "validation_failed");
  });

  it("merchant not ready", async () => {
    const item = await product({});
    const notReady = scriptedClient(async () =>
      Response.json(
        { error: "no wallet", code: "merchant_not_ready", details: { reason: "noWallet" } },
        { status: 409 },
      ),
    );
    const result = await placeOrder(form({}), [{ variantId: item.variantId, quantity: 1 }], undefined, {
      qbitflow: notReady,
    });
    expect(result).toMatchObject({
      message: "This store can't accept crypto payments right now. Nothing was charged.",
    });
    await expectFailedStart(result, item, "merchant_not_ready");
  });

  it("no answer after the retries", async () => {
    const item = await product({});
    let calls = 0;
    const down = scriptedClient(async () => {
      calls += 1;
      throw new TypeError("fetch failed");
    });
    const result = await placeOrder(form({}), [{ variantId: item.variantId, quantity: 1 }], undefined, {
      qbitflow: down,
    });
    expect(calls).toBe(4); // the first attempt and 3 retries, with the same idempotency key
    expect(result).toMatchObject({
      message: "The payment provider did not answer; nothing was charged, please try again.",
    });
    await expectFailedStart(result, item, "network_error");
  });
});
