// What the client sends (headers, paths, bodies) and how answers map to our types and errors.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createQBitFlowClient } from "./client";
import { QBitFlowError } from "./errors";
import { startStubServer, type StubReply, type StubServer } from "./test-stub-server";

const ID = "pay@01a0f22f-9600-7000-8000-000000000008";
const KEY = "sk_00000000-0000-4000-8000-000000000001_test_stub";

const stubs: StubServer[] = [];
afterEach(async () => {
  await Promise.all(stubs.splice(0).map((stub) => stub.close()));
});

async function setup(replies: StubReply[]) {
  const stub = await startStubServer(replies);
  stubs.push(stub);
  const client = createQBitFlowClient({
    baseUrl: `${stub.baseUrl}/`,
    apiKey: KEY,
    sleep: vi.fn(async () => {}),
  });
  return { stub, client };
}

async function caught(promise: Promise<unknown>): Promise<QBitFlowError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof QBitFlowError)) throw new Error(`expected a QBitFlowError, got ${String(error)}`);
  return error;
}

describe("requests", () => {
  it("creates a session with the v2 headers and body", async () => {
    const reply = {
      uuid: ID,
      link: "https://qbitflow.app/checkout/abc",
      expiresAt: "2026-10-01T14:30:00.999999+02:00",
    };
    const { stub, client } = await setup([{ status: 201, body: reply }]);
    const session = await client.createPaymentSession(
      {
        productName: "Pro plan",
        priceCents: 499,
        reference: "order-1043",
        successUrl: "https://shop.test/thanks?session={{UUID}}",
      },
      { idempotencyKey: "checkout-order-1043", requestId: "req-1043" },
    );
    expect(session).toEqual({ id: ID, link: reply.link, expiresAt: new Date("2026-10-01T12:30:00.999Z") });
    const [request] = stub.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/v2/transaction/session-checkout/new/payment");
    expect(request?.headers).toMatchObject({
      "x-api-key": KEY,
      accept: "application/json",
      "content-type": "application/json",
      "idempotency-key": "checkout-order-1043",
      "x-request-id": "req-1043",
      "user-agent": expect.stringMatching(/^qbitflow-checkout-starter\//),
    });
    // The exact text: 499 cents must reach QBitFlow as 4.99, and placeholders stay literal.
    expect(request?.body).toBe(
      '{"productName":"Pro plan","price":4.99,"reference":"order-1043","successUrl":"https://shop.test/thanks?session={{UUID}}"}',
    );
  });

  it("sends GETs without Content-Type or Idempotency-Key and keeps @ in ids", async () => {
    const { stub, client } = await setup([{ status: 200, body: { uuid: ID, status: "created" } }]);
    await client.getSessionStatus(ID);
    const [request] = stub.requests;
    expect(request?.url).toBe(`/v2/transaction/session-checkout/${ID}/status`);
    expect(request?.headers["content-type"]).toBeUndefined();
    expect(request?.headers["idempotency-key"]).toBeUndefined();
    expect(request?.headers["x-request-id"]).toBeUndefined();
  });

  it("encodes a reference so it cannot change the route", async () => {
    const { stub, client } = await setup([{ status: 404, body: { error: "no payment", code: "not_found" } }]);
    await expect(client.getPaymentByReference("order:1/../x")).resolves.toBeNull();
    expect(stub.requests[0]?.url).toBe("/v2/transaction/payment/reference/order:1%2F..%2Fx");
  });

  it.each([
    ["two product choices", { productUuid: "p", productName: "Pro", priceCents: 100 }],
    ["no product", { reference: "order-1" }],
    ["a name without a price", { productName: "Pro" }],
    ["fractional cents", { productName: "Pro", priceCents: 4.5 }],
  ])("refuses %s before sending", async (_name, params) => {
    const { stub, client } = await setup([{ status: 201, body: {} }]);
    await expect(client.createPaymentSession(params, { idempotencyKey: "k" })).rejects.toThrow(TypeError);
    expect(stub.requests).toHaveLength(0);
  });

  it.each(["", "has space", "x".repeat(256)])("refuses the idempotency key %j", async (key) => {
    const { client } = await setup([]);
    await expect(client.createPaymentSession({ productUuid: "p" }, { idempotencyKey: key })).rejects.toThrow(
      /idempotencyKey/,
    );
  });

  it("refuses a key that is not a secret key", () => {
    expect(() => createQBitFlowClient({ baseUrl: "https://api.qbitflow.app/v2", apiKey: "pk_live" })).toThrow(
      /sk_/,
    );
  });
});

describe("responses", () => {
  it("maps a status with lastAttempt; Go zero time and empty strings become null", async () => {
    const body = {
      uuid: ID,
      status: "created",
      txHash: "",
      lastAttempt: {
        status: "failed",
        code: "insufficient_funds",
        txHash: "0xabc",
        at: "0001-01-01T00:00:00Z",
      },
    };
    const { client } = await setup([{ status: 200, body }]);
    await expect(client.getSessionStatus(ID)).resolves.toEqual({
      id: ID,
      status: "created",
      rawStatus: "created",
      txHash: null,
      message: null,
      lastAttempt: { code: "insufficient_funds", message: null, txHash: "0xabc", at: null },
    });
  });

  it("keeps an unknown status value instead of failing", async () => {
    const { client } = await setup([
      { status: 200, body: { uuid: ID, status: "refunding", futureField: 1 } },
    ]);
    await expect(client.getSessionStatus(ID)).resolves.toMatchObject({
      status: "unknown",
      rawStatus: "refunding",
    });
  });

  it("maps a session without expiresAt", async () => {
    const { client } = await setup([
      { status: 201, body: { uuid: ID, link: "https://qbitflow.app/checkout/abc" } },
    ]);
    const session = await client.createPaymentSession({ productUuid: "p" }, { idempotencyKey: "k" });
    expect(session.expiresAt).toBeNull();
  });

  it("maps a payment, keeping an unknown chain", async () => {
    const body = {
      uuid: ID,
      reference: "order-1042",
      amount: 4.99,
      paidUsd: 5.0042,
      chain: "SOLANA_V2",
      currency: { id: 8, symbol: "USDC", decimals: 6 },
      txHash: "0x11",
      explorerUrl: "https://basescan.org/tx/0x11",
      confirmedAt: "2026-10-01T12:00:05Z",
      createdAt: "2026-10-01T11:59:00Z",
      test: true,
    };
    const { client } = await setup([{ status: 200, body }]);
    await expect(client.getPayment(ID)).resolves.toMatchObject({
      id: ID,
      reference: "order-1042",
      amountUsd: 4.99,
      amountCents: 499,
      paidUsd: 5.0042,
      chain: "SOLANA_V2",
      currencySymbol: "USDC",
      confirmedAt: new Date("2026-10-01T12:00:05Z"),
      test: true,
    });
  });

  it("maps GET /me", async () => {
    const body = {
      credential: "apiKey",
      role: "admin",
      space: { uuid: "s", organizationName: "Shop", test: true },
    };
    const { client } = await setup([{ status: 200, body }]);
    await expect(client.getMe()).resolves.toMatchObject({
      test: true,
      credential: "apiKey",
      organizationName: "Shop",
    });
  });
});

describe("errors", () => {
  it("maps status, code, requestId, details and fieldErrors", async () => {
    const body = {
      error: "validation failed",
      code: "validation_failed",
      requestId: "req_body",
      details: { max: 5, errors: [{ field: "price", message: "must be at most 5" }, { bogus: true }] },
    };
    const { client } = await setup([{ status: 400, body, headers: { "X-Request-Id": "req_header" } }]);
    const error = await caught(client.createPaymentSession({ productUuid: "p" }, { idempotencyKey: "k" }));
    expect(error).toMatchObject({
      status: 400,
      code: "validation_failed",
      requestId: "req_body",
      details: body.details,
      fieldErrors: [{ field: "price", message: "must be at most 5" }],
      retryable: false,
    });
    expect(error.message).toContain("validation failed");
  });

  it("falls back to the X-Request-Id header", async () => {
    const body = { error: "already paid", code: "tx_already_sent", details: {} };
    const { client } = await setup([{ status: 409, body, headers: { "X-Request-Id": "req_header" } }]);
    await expect(client.expireSession(ID)).rejects.toMatchObject({
      code: "tx_already_sent",
      requestId: "req_header",
    });
  });

  it.each([
    [404, "not_found"],
    [502, "internal"],
    [418, "http_418"],
  ])("derives a code from status %i when the body is not JSON", async (status, code) => {
    const { client } = await setup([{ status, body: "<html>gateway</html>" }]);
    await expect(client.getPayment(ID)).rejects.toMatchObject({
      status,
      code,
      fieldErrors: [],
      details: null,
    });
  });

  it("still throws other errors from getPaymentByReference", async () => {
    const { client } = await setup([{ status: 401, body: { error: "bad key", code: "unauthorized" } }]);
    await expect(client.getPaymentByReference("order-1")).rejects.toMatchObject({ code: "unauthorized" });
  });
});
