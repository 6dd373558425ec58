// Refunds end to end below the browser: a payment made in the local QBitFlow sandbox, a refund
// started the way the admin's action starts it, the merchant's signature (or denial) given through
// the sandbox's control API, and the refund.* webhooks QBitFlow would send, signed and posted to
// the webhook receiver. Checks the order's refund state, its history, its jobs and the stock.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getQBitFlowClient } from "@/lib/qbitflow";
import { createTestProduct, deleteTestProducts, variantStock } from "@/lib/test/fixtures";
import { wallet } from "@/lib/test/sandbox-control";
import { delivery, envelope, TEST_SECRET } from "@/lib/test/webhooks";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import { loadOrderPage } from "./order-page";
import { reconcileOpenOrders } from "./reconcile";
import { reconcileRefunds } from "./reconcile-refunds";
import { restockWhenRefunded } from "./restock-with-refund";
import { startCheckout } from "./start-checkout";
import { startRefund } from "./start-refund";

type SandboxRefund = Record<string, unknown> & { uuid: string; status: string };

const productIds: string[] = [];

/** The sandbox's control API: POST with `body`, or GET when it is null. */
async function sandbox(path: string, body: unknown = {}): Promise<{ refund: SandboxRefund }> {
  const base = getEnv().QBITFLOW_API_URL.replace(/\/v2$/, "");
  const response = await fetch(
    `${base}/sandbox${path}`,
    body === null
      ? {}
      : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
  );
  if (!response.ok) throw new Error(`sandbox ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { refund: SandboxRefund };
}
const merchant = {
  sign: (refundId: string) => sandbox(`/refunds/${refundId}/sign`),
  deny: (refundId: string) => sandbox(`/refunds/${refundId}/deny`, { merchantMessage: "Outside the window" }),
};
const customerRequests = (sessionId: string, body: Record<string, unknown> = {}) =>
  sandbox(`/payments/${sessionId}/request-refund`, body);

/** A paid order of `quantity` units of a fresh product with 10 in stock (7 left after 3). */
async function paidOrder(quantity = 1) {
  const product = await createTestProduct({ priceCents: 150, stock: 10 });
  productIds.push(product.id);
  const started = await startCheckout({
    lines: [{ variantId: product.variantId, quantity }],
    email: "ann@example.com",
  });
  if (!started.ok) throw new Error(started.message);
  const order = await db.order.findUniqueOrThrow({ where: { id: started.orderId } });
  await wallet.complete(order.qbitflowSessionId!);
  await loadOrderPage({ orderId: order.id, source: "success_page" });
  const paid = await db.order.findUniqueOrThrow({ where: { id: order.id } });
  expect(paid.status).toBe("PAID");
  return { id: order.id, sessionId: order.qbitflowSessionId!, variantId: product.variantId };
}

/** The refund webhook QBitFlow sends, signed, posted to the receiver. */
async function webhook(type: string, refund: SandboxRefund, eventId = `evt_${randomUUID()}`) {
  const body = envelope(type, refund, { id: eventId });
  const response = await receiveWebhook(delivery(body), {
    secrets: [TEST_SECRET],
    source: `192.0.2.${randomUUID()}`,
  });
  return response;
}

const start = (orderId: string, overrides: Partial<Parameters<typeof startRefund>[0]> = {}) =>
  startRefund({
    orderId,
    percent: 100,
    reason: "damaged",
    merchantMessage: "Sorry!",
    restock: false,
    ...overrides,
  });

const orderOf = (id: string) =>
  db.order.findUniqueOrThrow({
    where: { id },
    include: { statusChanges: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });
const refundMoves = async (id: string) =>
  (await orderOf(id)).statusChanges
    .filter((change) => change.toRefund !== null)
    .map((change) => [change.fromRefund, change.toRefund, change.source]);
const jobKeys = async (orderId: string) =>
  (await db.outboxJob.findMany({ where: { orderId }, select: { key: true } })).map((job) => job.key).sort();

afterAll(async () => {
  await deleteTestProducts(productIds);
  await db.$disconnect();
});

describe("a refund the merchant starts", () => {
  it("full: initiated → PENDING → completed by the webhook → REFUNDED, with the customer's notice", async () => {
    const order = await paidOrder();

    const started = await start(order.id);
    expect(started).toEqual({ ok: true, refundId: expect.stringMatching(/^refund@/) });
    expect(await orderOf(order.id)).toMatchObject({
      status: "PAID",
      refundStatus: "PENDING",
      refundUuid: started.ok && started.refundId,
      refundInitiatedBy: "merchant",
      refundReason: "damaged",
      refundMerchantMessage: "Sorry!",
    });
    expect((await orderOf(order.id)).refundPercent?.toString()).toBe("100");

    const { refund } = await merchant.sign(started.ok ? started.refundId : "");
    expect((await webhook("refund.completed", refund)).status).toBe(200);

    const refunded = await orderOf(order.id);
    expect(refunded).toMatchObject({
      status: "PAID",
      refundStatus: "REFUNDED",
      refundTxHash: refund.txHash,
      refundRestock: false,
      refundRestocked: false,
    });
    expect(refunded.refundAmountUsd?.toString()).toBe(String(refund.amountUsd));
    expect(refunded.refundEndedAt).not.toBeNull();
    expect(await refundMoves(order.id)).toEqual([
      ["NONE", "PENDING", "admin"],
      ["PENDING", "REFUNDED", "webhook"],
    ]);
    expect(await jobKeys(order.id)).toContain(`refund-notice:${order.id}`);
    expect(await jobKeys(order.id)).not.toContain(`merchant-refund-request:${order.id}`);
    expect(await variantStock(order.variantId)).toBe(9); // not asked to restock
  });

  it("partial: 12.5% with the units back in stock, once, when it completes", async () => {
    const order = await paidOrder(3);
    expect(await variantStock(order.variantId)).toBe(7);

    const started = await start(order.id, { percent: 12.5, restock: true });
    if (!started.ok) throw new Error(started.message);
    // QBitFlow's own refund.requested (initiatedBy merchant) changes nothing more.
    const { refund: pending } = await sandbox(`/refunds/${started.refundId}`, null);
    await webhook("refund.requested", pending);
    expect(await orderOf(order.id)).toMatchObject({ refundStatus: "PENDING", refundRestock: true });
    expect(await refundMoves(order.id)).toHaveLength(1);
    expect(await variantStock(order.variantId)).toBe(7); // not before the money moves

    const { refund } = await merchant.sign(started.refundId);
    await webhook("refund.completed", refund);
    await webhook("refund.completed", refund); // a second event id with the same news

    const refunded = await orderOf(order.id);
    expect(refunded.refundPercent?.toString()).toBe("12.5");
    expect(refunded).toMatchObject({ refundStatus: "REFUNDED", refundRestocked: true });
    expect(await variantStock(order.variantId)).toBe(10);
    expect(await refundMoves(order.id)).toEqual([
      ["NONE", "PENDING", "admin"],
      ["PENDING", "REFUNDED", "webhook"],
    ]);
  });

  it("denied: PENDING → DENIED; a late completion of nothing changes nothing", async () => {
    const order = await paidOrder();
    const started = await start(order.id, { percent: 50 });
    if (!started.ok) throw new Error(started.message);

    const { refund } = await merchant.deny(started.refundId);
    await webhook("refund.denied", refund);

    expect(await orderOf(order.id)).toMatchObject({ refundStatus: "DENIED" });
    expect(await refundMoves(order.id)).toEqual([
      ["NONE", "PENDING", "admin"],
      ["PENDING", "DENIED", "webhook"],
    ]);
    // The pending refund's requested event, delivered late, is stale.
    await webhook("refund.requested", { ...refund, status: "pending" });
    expect(await refundMoves(order.id)).toHaveLength(2);
    expect(await jobKeys(order.id)).not.toContain(`refund-notice:${order.id}`);
  });
});

describe("a refund the customer requests", () => {
  it("requested → the merchant's review → completed", async () => {
    const order = await paidOrder();

    const { refund: requested } = await customerRequests(order.sessionId, { reason: "Never arrived" });
    await webhook("refund.requested", requested);

    expect(await orderOf(order.id)).toMatchObject({
      refundStatus: "REQUESTED",
      refundInitiatedBy: "customer",
      refundReason: "Never arrived",
    });
    expect(await jobKeys(order.id)).toContain(`merchant-refund-request:${order.id}`);
    // The admin's Refund form is not offered twice: the request is the refund.
    expect(await start(order.id)).toEqual({
      ok: false,
      message: "This order already has a refund; its state is shown on this page.",
    });

    const { refund } = await merchant.sign(requested.uuid);
    await webhook("refund.completed", refund);

    expect(await orderOf(order.id)).toMatchObject({ refundStatus: "REFUNDED" });
    expect(await refundMoves(order.id)).toEqual([
      ["NONE", "REQUESTED", "webhook"],
      ["REQUESTED", "REFUNDED", "webhook"],
    ]);
    expect(await jobKeys(order.id)).toContain(`refund-notice:${order.id}`);
  });
});

describe("exactly once", () => {
  it("50 concurrent deliveries of one refund.completed: one transition, one history row, one email job, one restock", async () => {
    const order = await paidOrder(2);
    const started = await start(order.id, { restock: true });
    if (!started.ok) throw new Error(started.message);
    const { refund } = await merchant.sign(started.refundId);
    const eventId = `evt_${randomUUID()}`;

    const responses = await Promise.all(
      Array.from({ length: 50 }, () => webhook("refund.completed", refund, eventId)),
    );

    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    const answers = await Promise.all(responses.map((response) => response.json()));
    expect(answers.filter((answer) => !answer.duplicate)).toHaveLength(1);
    expect((await refundMoves(order.id)).filter(([, to]) => to === "REFUNDED")).toHaveLength(1);
    expect((await jobKeys(order.id)).filter((key) => key.startsWith("refund-notice:"))).toHaveLength(1);
    expect(await variantStock(order.variantId)).toBe(10);
    expect(await db.webhookEvent.findUnique({ where: { eventId } })).toMatchObject({ attempts: 50 });
  });

  it("50 concurrent deliveries of different events with the same news: still one transition", async () => {
    const order = await paidOrder(1);
    const started = await start(order.id, { restock: true });
    if (!started.ok) throw new Error(started.message);
    const { refund } = await merchant.sign(started.refundId);

    await Promise.all(Array.from({ length: 50 }, () => webhook("refund.completed", refund)));

    expect((await refundMoves(order.id)).filter(([, to]) => to === "REFUNDED")).toHaveLength(1);
    expect(await variantStock(order.variantId)).toBe(10);
  });
});

describe("putting units back with a refund that is already open", () => {
  it("a customer's request: asked while reviewing, the units return once when it completes", async () => {
    const order = await paidOrder(3);
    const { refund: requested } = await customerRequests(order.sessionId);
    await webhook("refund.requested", requested);

    expect(await restockWhenRefunded(order.id)).toEqual({ ok: true });
    expect(await restockWhenRefunded(order.id)).toEqual({ ok: true }); // asked twice: recorded once
    expect(await orderOf(order.id)).toMatchObject({ refundStatus: "REQUESTED", refundRestock: true });
    expect(await variantStock(order.variantId)).toBe(7); // not before the money moves

    const { refund } = await merchant.sign(requested.uuid);
    await webhook("refund.completed", refund);
    await webhook("refund.completed", refund);

    expect(await orderOf(order.id)).toMatchObject({ refundStatus: "REFUNDED", refundRestocked: true });
    expect(await variantStock(order.variantId)).toBe(10);
    expect(await refundMoves(order.id)).toEqual([
      ["NONE", "REQUESTED", "webhook"],
      ["REQUESTED", "REQUESTED", "admin"],
      ["REQUESTED", "REFUNDED", "webhook"],
    ]);
  });

  it("an answered refund, no refund, or an unknown order: refused in words, nothing changes", async () => {
    const order = await paidOrder();
    expect(await restockWhenRefunded(order.id)).toEqual({
      ok: false,
      message: "This order has no refund to put units back with.",
    });
    const started = await start(order.id);
    if (!started.ok) throw new Error(started.message);
    const { refund } = await merchant.deny(started.refundId);
    await webhook("refund.denied", refund);

    expect(await restockWhenRefunded(order.id)).toMatchObject({
      ok: false,
      message: expect.stringContaining("answered already"),
    });
    expect(await orderOf(order.id)).toMatchObject({ refundStatus: "DENIED", refundRestock: false });
    expect(await restockWhenRefunded(randomUUID())).toEqual({ ok: false, message: "Unknown order." });
  });
});

describe("the sweep, when every refund webhook was lost", () => {
  it("ends a signed refund REFUNDED from the payment's refund summary", async () => {
    const order = await paidOrder();
    const started = await start(order.id);
    if (!started.ok) throw new Error(started.message);
    await merchant.sign(started.refundId); // its refund.completed never reaches us

    const report = await reconcileOpenOrders({ quietForMs: 0, limit: 1000 });

    expect(report.refunds).toContainEqual({ orderId: order.id, from: "PENDING", to: "REFUNDED" });
    expect(await orderOf(order.id)).toMatchObject({ refundStatus: "REFUNDED" });
    expect(await refundMoves(order.id)).toEqual([
      ["NONE", "PENDING", "admin"],
      ["PENDING", "REFUNDED", "reconcile"],
    ]);
    expect(await jobKeys(order.id)).toContain(`refund-notice:${order.id}`);
  });

  it("finds a customer's request in QBitFlow's open refunds, then its denial", async () => {
    const order = await paidOrder();
    const { refund } = await customerRequests(order.sessionId);

    await reconcileOpenOrders({ quietForMs: 0, limit: 1000 });
    expect(await orderOf(order.id)).toMatchObject({
      refundStatus: "REQUESTED",
      refundInitiatedBy: "customer",
    });

    await merchant.deny(refund.uuid);
    await reconcileOpenOrders({ quietForMs: 0, limit: 1000 });
    expect(await refundMoves(order.id)).toEqual([
      ["NONE", "REQUESTED", "reconcile"],
      ["REQUESTED", "DENIED", "reconcile"],
    ]);
  });
});

describe("the sweep reads every page of QBitFlow's open refunds", () => {
  it("finds a customer's request that is not on the first page", async () => {
    const older = await paidOrder();
    await customerRequests(older.sessionId);
    const newer = await paidOrder();
    await customerRequests(newer.sessionId); // newest first: the older request is on a later page

    // One refund a page, so that the older request is several pages in.
    const client = getQBitFlowClient();
    const onePerPage: typeof client = {
      ...client,
      listRefunds: (which, page, options) => client.listRefunds(which, { ...page, limit: 1 }, options),
    };
    await reconcileRefunds(onePerPage, { quietForMs: 0, limit: 1000 });

    expect(await orderOf(older.id)).toMatchObject({
      refundStatus: "REQUESTED",
      refundInitiatedBy: "customer",
    });
    expect(await orderOf(newer.id)).toMatchObject({ refundStatus: "REQUESTED" });
  });
});

describe("what QBitFlow refuses", () => {
  it("refund_already_exists: said in words, and the existing refund is shown", async () => {
    const order = await paidOrder();
    // Started elsewhere (QBitFlow's dashboard), and the app has not heard of it yet.
    const existing = await getQBitFlowClient().initiateRefund(
      { txUuid: order.sessionId, refundPercent: 10 },
      { idempotencyKey: `elsewhere-${order.id}` },
    );
    // A payment read that still says refundable, so the initiate call itself answers 409.
    const real = getQBitFlowClient();
    const stale = {
      ...real,
      getPayment: async (id: string) => ({ ...(await real.getPayment(id)), refundable: true }),
    };

    const result = await startRefund(
      { orderId: order.id, percent: 100, reason: null, merchantMessage: null, restock: false },
      stale,
    );

    expect(result).toEqual({
      ok: false,
      message: "QBitFlow says this payment already has a refund: a payment can be refunded only once.",
    });
    expect(await orderOf(order.id)).toMatchObject({ refundStatus: "PENDING", refundUuid: existing.id });
  });

  it("already refunded, as the payment read says: the same words, before any initiate call", async () => {
    const order = await paidOrder();
    await getQBitFlowClient().initiateRefund(
      { txUuid: order.sessionId },
      { idempotencyKey: `x-${order.id}` },
    );
    const result = await start(order.id);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/already has a refund/) });
  });

  it("not refundable (held funds released): QBitFlow's reason in words; nothing changes", async () => {
    const order = await paidOrder();
    await sandbox(`/payments/${order.sessionId}/release-held-funds`);

    expect(await start(order.id)).toEqual({
      ok: false,
      message:
        "QBitFlow says the funds held for this payment were already released, so it can no longer be refunded.",
    });
    expect(await orderOf(order.id)).toMatchObject({ refundStatus: "NONE" });
    expect(await refundMoves(order.id)).toEqual([]);
  });

  it("an unpaid order, or an unknown one, is refused before QBitFlow is asked", async () => {
    const product = await createTestProduct({ priceCents: 150, stock: 10 });
    productIds.push(product.id);
    const open = await startCheckout({ lines: [{ variantId: product.variantId, quantity: 1 }] });
    if (!open.ok) throw new Error(open.message);
    expect(await start(open.orderId)).toEqual({ ok: false, message: "Only a paid order can be refunded." });
    expect(await start("0".repeat(26))).toEqual({ ok: false, message: "Unknown order." });
  });
});
