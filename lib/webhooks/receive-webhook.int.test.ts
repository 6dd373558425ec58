// The webhook route against a real database: verification, the inbox, exactly-once fulfilment.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPendingOrder } from "@/lib/orders/order-store";
import { createTestProduct, deleteTestProducts } from "@/lib/test/fixtures";
import { delivery, envelope, expiredData, paymentData, sign, TEST_SECRET } from "@/lib/test/webhooks";
import { receiveWebhook } from "./receive-webhook";

const productIds: string[] = [];
const config: { secrets: string[] | undefined; now?: number } = { secrets: [TEST_SECRET] };
// Each request from an address of its own: repeated rejections from one address are counted on
// one log row (see rejected-deliveries.int.test.ts), and these tests look at one row each.
const post = (request: Request, overrides: Partial<typeof config> = {}) =>
  receiveWebhook(request, { ...config, source: `192.0.2.${randomUUID()}`, ...overrides });

async function openOrder(quantity = 2, stock = 10) {
  const product = await createTestProduct({ priceCents: 125, stock });
  productIds.push(product.id);
  const order = await createPendingOrder({ lines: [{ variantId: product.variantId, quantity }] });
  const sessionId = `pay@${randomUUID()}`;
  await db.order.update({ where: { id: order.id }, data: { qbitflowSessionId: sessionId } });
  return { ...order, sessionId, productId: product.id };
}

const orderOf = (id: string) =>
  db.order.findUniqueOrThrow({
    where: { id },
    include: { statusChanges: { orderBy: { createdAt: "asc" } } },
  });
// The product's one (default) variant, which holds its stock.
const productOf = (id: string) => db.productVariant.findFirstOrThrow({ where: { productId: id } });
const inboxRow = (body: string) => db.webhookEvent.findUnique({ where: { eventId: JSON.parse(body).id } });
const deliveriesOf = (body: string) =>
  db.webhookDelivery.findMany({ where: { eventId: JSON.parse(body).id }, orderBy: { receivedAt: "asc" } });

afterAll(async () => {
  await deleteTestProducts(productIds);
  await db.$disconnect();
});

describe("a valid delivery", () => {
  it("fulfils the order once: PAID, stock committed, payment recorded, history and inbox written", async () => {
    const order = await openOrder(2, 10);
    const data = paymentData(order);
    const body = envelope("payment.completed", data);

    const response = await post(delivery(body));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, duplicate: false });
    const stored = await orderOf(order.id);
    expect(stored).toMatchObject({
      status: "PAID",
      stockState: "COMMITTED",
      txHash: data.txHash,
      needsReview: false,
    });
    expect(stored.amountPaidUsd?.toString()).toBe("2.5042");
    expect(stored.statusChanges.map((c) => [c.fromStatus, c.toStatus, c.source])).toEqual([
      [null, "PENDING", "checkout"],
      ["PENDING", "PAID", "webhook"],
    ]);
    expect(await productOf(order.productId)).toMatchObject({ stock: 8 });
    expect(await inboxRow(body)).toMatchObject({
      type: "payment.completed",
      orderId: order.id,
      attempts: 1,
      rawBody: body,
    });
    expect((await inboxRow(body))?.processedAt).toBeInstanceOf(Date);
    // The delivery log: one verified, processed delivery, linked to the event, headers kept.
    const [logged, ...more] = await deliveriesOf(body);
    expect(more).toHaveLength(0);
    expect(logged).toMatchObject({
      outcome: "PROCESSED",
      signatureValid: true,
      httpStatus: 200,
      errorCode: null,
      eventType: "payment.completed",
      webhookEventId: (await inboxRow(body))?.id,
      bodyExcerpt: null,
    });
    expect(logged?.headers).toMatchObject({ "qbitflow-signature": expect.stringMatching(/^t=\d+,v1=/) });
  });

  it("accepts a signature made with either secret during a rotation", async () => {
    const rotation = { secrets: ["whsec_new_secret", "whsec_old_secret"] };
    for (const secret of rotation.secrets) {
      const body = envelope("webhook.test", { endpointUuid: randomUUID(), message: "hello" });
      expect((await post(delivery(body, sign(body, secret)), rotation)).status).toBe(200);
    }
    // And a header carrying both signatures, verified by an endpoint that knows only the new one.
    const body = envelope("webhook.test", { endpointUuid: randomUUID(), message: "both" });
    const t = Math.floor(Date.now() / 1000);
    const both = `${sign(body, "whsec_new_secret", t)},${sign(body, "whsec_old_secret", t).split(",")[1]}`;
    expect((await post(delivery(body, both), { secrets: ["whsec_new_secret"] })).status).toBe(200);
  });
});

describe("refused deliveries change nothing", () => {
  const now = Math.floor(Date.now() / 1000);
  const signNow = (body: string, secret = TEST_SECRET) => sign(body, secret, now);
  it.each([
    [
      "a tampered body",
      (body: string) => delivery(body.replace('"amount":2.5', '"amount":0.01'), signNow(body)),
      "invalid_signature",
    ],
    [
      "the wrong secret",
      (body: string) => delivery(body, signNow(body, "whsec_someone_else")),
      "invalid_signature",
    ],
    [
      "a stale timestamp",
      (body: string) => delivery(body, sign(body, TEST_SECRET, now - 301)),
      "timestamp_outside_tolerance",
    ],
    [
      "a future timestamp",
      (body: string) => delivery(body, sign(body, TEST_SECRET, now + 301)),
      "timestamp_outside_tolerance",
    ],
    ["no signature", (body: string) => delivery(body, null), "missing_signature"],
    ["a malformed signature", (body: string) => delivery(body, "sha256=abc"), "malformed_signature"],
  ])("%s → 400 with a code", async (_, build, code) => {
    const order = await openOrder();
    const body = envelope("payment.completed", paymentData(order));

    // The route's clock is pinned, so the test machine's speed cannot move the boundary.
    const response = await post(build(body), { now });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code });
    expect(await inboxRow(body)).toBeNull();
    expect(await orderOf(order.id)).toMatchObject({ status: "PENDING", stockState: "RESERVED" });
    // Logged as a rejection with its headers and why; no event row.
    const [logged, ...more] = await deliveriesOf(body);
    expect(more).toHaveLength(0);
    expect(logged).toMatchObject({
      outcome: "REJECTED",
      signatureValid: false,
      httpStatus: 400,
      errorCode: code,
      reason: expect.any(String),
      webhookEventId: null,
      eventType: "payment.completed",
    });
    expect(logged?.headers).toMatchObject({ "content-type": "application/json" });
    expect(logged?.bodyExcerpt).toContain('"type":"payment.completed"');
  });

  it("a payload that is not v2 → 400 unsupported_version", async () => {
    const order = await openOrder();
    const body = envelope("payment.completed", paymentData(order), { version: "v1" });
    const response = await post(delivery(body));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "unsupported_version" });
    expect(await orderOf(order.id)).toMatchObject({ status: "PENDING" });
    expect(await deliveriesOf(body)).toMatchObject([
      { outcome: "REJECTED", signatureValid: true, httpStatus: 400, errorCode: "unsupported_version" },
    ]);
  });

  it.each([
    ["declared", true],
    ["streamed without a length", false],
  ])("a body over 1 MiB (%s) → 413", async (_, declared) => {
    const body = envelope("webhook.test", { message: "x".repeat(1024 * 1024) });
    const request = delivery(body);
    const streamed = declared
      ? request
      : new Request(request.url, {
          method: "POST",
          headers: { "qbitflow-signature": sign(body) },
          body: new Blob([body]).stream(),
          duplex: "half",
        } as RequestInit);
    const tooLarge = { errorCode: "payload_too_large" };
    const logged = await db.webhookDelivery.count({ where: tooLarge });
    const response = await post(streamed);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "payload_too_large" });
    // The body was never read: the log keeps the headers and the reason, no event id.
    expect(await db.webhookDelivery.count({ where: tooLarge })).toBe(logged + 1);
    expect(await deliveriesOf(body)).toHaveLength(0);
  });

  it("no configured secret → 500, never 'accept unsigned'", async () => {
    const body = envelope("webhook.test", { message: "hi" });
    const response = await post(delivery(body), { secrets: undefined });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ code: "webhook_secret_missing" });
    expect(await inboxRow(body)).toBeNull();
    const logged = await db.webhookDelivery.findFirst({
      where: { errorCode: "webhook_secret_missing" },
      orderBy: { receivedAt: "desc" },
    });
    expect(logged).toMatchObject({ outcome: "REJECTED", signatureValid: null, httpStatus: 500 });
  });
});

describe("exactly once, nothing lost", () => {
  it("a duplicate delivery answers 2xx and is not processed again", async () => {
    const order = await openOrder(1);
    const body = envelope("payment.completed", paymentData(order));
    await post(delivery(body));

    const again = await post(delivery(body));

    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(await inboxRow(body)).toMatchObject({ attempts: 2 });
    expect((await deliveriesOf(body)).map((logged) => logged.outcome)).toEqual(["PROCESSED", "DUPLICATE"]);
    expect((await orderOf(order.id)).statusChanges.filter((c) => c.toStatus === "PAID")).toHaveLength(1);
  });

  it("50 concurrent identical deliveries → one fulfilment", async () => {
    const order = await openOrder(3, 10);
    const body = envelope("payment.completed", paymentData(order));

    const responses = await Promise.all(Array.from({ length: 50 }, () => post(delivery(body))));

    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    const answers = await Promise.all(responses.map((response) => response.json()));
    expect(answers.filter((answer) => !answer.duplicate)).toHaveLength(1);
    expect((await orderOf(order.id)).statusChanges.filter((c) => c.toStatus === "PAID")).toHaveLength(1);
    expect(await productOf(order.productId)).toMatchObject({ stock: 7 });
    expect(await inboxRow(body)).toMatchObject({ attempts: 50 });
    const outcomes = (await deliveriesOf(body)).map((logged) => logged.outcome);
    expect(outcomes.filter((outcome) => outcome === "PROCESSED")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === "DUPLICATE")).toHaveLength(49);
  });

  it("checkout.expired after payment.completed leaves the order PAID", async () => {
    const order = await openOrder(1);
    await post(delivery(envelope("payment.completed", paymentData(order))));
    const response = await post(delivery(envelope("checkout.expired", expiredData(order))));
    expect(response.status).toBe(200);
    expect(await orderOf(order.id)).toMatchObject({ status: "PAID", stockState: "COMMITTED" });
  });

  it("payment.completed after checkout.expired: PAID, flagged for review, money not ignored", async () => {
    const order = await openOrder(2, 10);
    await post(delivery(envelope("checkout.expired", expiredData(order))));
    expect(await orderOf(order.id)).toMatchObject({ status: "EXPIRED", stockState: "RELEASED" });
    expect(await productOf(order.productId)).toMatchObject({ stock: 10 });

    await post(delivery(envelope("payment.completed", paymentData(order))));

    const paid = await orderOf(order.id);
    expect(paid).toMatchObject({ status: "PAID", needsReview: true, stockState: "RELEASED" });
    expect(paid.reviewReason).toMatch(/after the order was expired/);
  });

  it("a payment of the wrong amount is PAID and flagged", async () => {
    const order = await openOrder(2);
    await post(delivery(envelope("payment.completed", paymentData(order, { amount: 0.5 }))));
    expect(await orderOf(order.id)).toMatchObject({
      status: "PAID",
      needsReview: true,
      reviewReason: "paid $0.50 for an order of $2.50",
    });
  });

  it("an event for an order we do not have is kept and flagged", async () => {
    const stranger = { id: "0".repeat(26), totalCents: 100, sessionId: `pay@${randomUUID()}` };
    const body = envelope("payment.completed", paymentData(stranger));
    expect((await post(delivery(body))).status).toBe(200);
    expect(await inboxRow(body)).toMatchObject({ unmatched: true, orderId: null });
  });

  it.each([
    ["webhook.test", { endpointUuid: randomUUID(), message: "test" }],
    ["heldFunds.released", { uuid: `transfer@${randomUUID()}` }],
  ])("%s answers 2xx and is stored", async (type, data) => {
    const body = envelope(type, data);
    expect((await post(delivery(body))).status).toBe(200);
    expect(await inboxRow(body)).toMatchObject({ type, unmatched: false });
  });

  it("a refund of a payment we do not have is kept and flagged; one that names no payment is refused", async () => {
    const refund = { uuid: `refund@${randomUUID()}`, txUuid: `pay@${randomUUID()}`, status: "pending" };
    const body = envelope("refund.requested", refund);
    expect((await post(delivery(body))).status).toBe(200);
    expect(await inboxRow(body)).toMatchObject({ type: "refund.requested", unmatched: true, orderId: null });

    const nameless = envelope("refund.requested", { uuid: `refund@${randomUUID()}`, status: "pending" });
    const refused = await post(delivery(nameless));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: "malformed_event" });
  });
});
