// The retry contract of spec §1.7, checked against real HTTP traffic to a scripted local server.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createQBitFlowClient, type QBitFlowClientOptions } from "./client";
import { startStubServer, type StubReply, type StubServer } from "./test-stub-server";

const ID = "pay@01a0f22f-9600-7000-8000-000000000008";
const STATUS_OK: StubReply = { status: 200, body: { uuid: ID, status: "created" } };
const SESSION_OK: StubReply = { status: 201, body: { uuid: ID, link: "https://qbitflow.app/checkout/abc" } };
const PARAMS = { productName: "Pro plan", priceCents: 499, reference: "order-1" };

const failure = (status: number, code: string, extra: Record<string, unknown> = {}): StubReply => ({
  status,
  body: { error: `failed with ${code}`, code, requestId: "req_body", ...extra },
});

const stubs: StubServer[] = [];
afterEach(async () => {
  await Promise.all(stubs.splice(0).map((stub) => stub.close()));
});

async function setup(replies: StubReply[], options: Partial<QBitFlowClientOptions> = {}) {
  const stub = await startStubServer(replies);
  stubs.push(stub);
  const sleep = vi.fn(async (_ms: number) => {});
  const client = createQBitFlowClient({ baseUrl: stub.baseUrl, apiKey: "sk_test_stub", sleep, ...options });
  const delays = () => sleep.mock.calls.map(([ms]) => ms);
  return { stub, client, delays };
}

describe("retries on transient failures", () => {
  it("retries a GET on 503 with 1 s, 2 s, 4 s back-off, then succeeds", async () => {
    const unavailable = failure(503, "network_unavailable");
    const { stub, client, delays } = await setup([unavailable, unavailable, unavailable, STATUS_OK]);
    await expect(client.getSessionStatus(ID)).resolves.toMatchObject({ id: ID, status: "created" });
    expect(delays()).toEqual([1000, 2000, 4000]);
    expect(stub.requests).toHaveLength(4);
  });

  it("gives up after maxRetries and throws the last error", async () => {
    const { stub, client, delays } = await setup([failure(500, "internal")]);
    await expect(client.getPayment(ID)).rejects.toMatchObject({
      status: 500,
      code: "internal",
      retryable: true,
    });
    expect(delays()).toEqual([1000, 2000, 4000]);
    expect(stub.requests).toHaveLength(4);
  });

  it("honours a custom maxRetries", async () => {
    const { stub, client, delays } = await setup([failure(502, "internal")], { maxRetries: 1 });
    await expect(client.getMe()).rejects.toMatchObject({ status: 502 });
    expect(delays()).toEqual([1000]);
    expect(stub.requests).toHaveLength(2);
  });

  it("retries a dropped connection as a network error", async () => {
    const { stub, client, delays } = await setup(["destroy", STATUS_OK]);
    await expect(client.getSessionStatus(ID)).resolves.toMatchObject({ status: "created" });
    expect(delays()).toEqual([1000]);
    expect(stub.requests).toHaveLength(2);
  });

  it("reports a network error with status 0 once retries run out", async () => {
    const { client } = await setup(["destroy"]);
    await expect(client.getSessionStatus(ID)).rejects.toMatchObject({ status: 0, code: "network_error" });
  });

  it("times out an attempt that never answers, and retries it", async () => {
    const { stub, client, delays } = await setup(["hang"], { timeoutMs: 50, maxRetries: 1 });
    await expect(client.getSessionStatus(ID)).rejects.toMatchObject({
      status: 0,
      code: "timeout",
      retryable: true,
    });
    expect(delays()).toEqual([1000]);
    expect(stub.requests).toHaveLength(2);
  });
});

describe("429 rate limits", () => {
  const limited = (headers: Record<string, string>, details: Record<string, unknown> = {}): StubReply => ({
    status: 429,
    headers,
    body: { error: "slow down", code: "rate_limit_exceeded", details },
  });

  it("waits the Retry-After delta-seconds", async () => {
    const { client, delays } = await setup([limited({ "Retry-After": "7" }), STATUS_OK]);
    await client.getSessionStatus(ID);
    expect(delays()).toEqual([7000]);
  });

  it("waits at least the back-off when Retry-After is shorter", async () => {
    const { client, delays } = await setup([limited({ "Retry-After": "0" }), STATUS_OK]);
    await client.getSessionStatus(ID);
    expect(delays()).toEqual([1000]);
  });

  it("waits until a Retry-After HTTP-date", async () => {
    const at = new Date(Date.now() + 20_000).toUTCString();
    const { client, delays } = await setup([limited({ "Retry-After": at }), STATUS_OK]);
    await client.getSessionStatus(ID);
    const [delay] = delays();
    // HTTP-dates have whole seconds, so up to one second of the 20 is lost to truncation.
    expect(delay).toBeGreaterThan(18_000);
    expect(delay).toBeLessThanOrEqual(20_000);
  });

  it("waits details.retryAfterSeconds when there is no header", async () => {
    const { client, delays } = await setup([limited({}, { retryAfterSeconds: 5, limit: 60 }), STATUS_OK]);
    await client.getSessionStatus(ID);
    expect(delays()).toEqual([5000]);
  });

  it.each([
    ["Retry-After header", limited({ "Retry-After": "61" })],
    ["details.retryAfterSeconds", limited({}, { retryAfterSeconds: 120 })],
  ])("gives up at once when the %s asks for more than 60 s", async (_name, reply) => {
    const { stub, client, delays } = await setup([reply, STATUS_OK]);
    await expect(client.getSessionStatus(ID)).rejects.toMatchObject({
      status: 429,
      code: "rate_limit_exceeded",
    });
    expect(delays()).toEqual([]);
    expect(stub.requests).toHaveLength(1);
  });
});

describe("what is never retried", () => {
  it.each([
    [400, "validation_failed"],
    [401, "unauthorized"],
    [403, "policy_disabled"],
    [404, "not_found"],
    [409, "unique_violation"],
    [409, "merchant_not_ready"],
    [409, "tx_already_sent"],
    [422, "idempotency_key_reused"],
  ])("a %i %s on a create", async (status, code) => {
    const { stub, client, delays } = await setup([failure(status, code), SESSION_OK]);
    await expect(
      client.createPaymentSession(PARAMS, { idempotencyKey: "checkout-order-1" }),
    ).rejects.toMatchObject({ status, code, retryable: false });
    expect(delays()).toEqual([]);
    expect(stub.requests).toHaveLength(1);
  });

  it("a 409 idempotency_key_in_use on a GET (only creates retry it)", async () => {
    const { stub, client } = await setup([failure(409, "idempotency_key_in_use"), STATUS_OK]);
    await expect(client.getSessionStatus(ID)).rejects.toMatchObject({ code: "idempotency_key_in_use" });
    expect(stub.requests).toHaveLength(1);
  });

  it.each([
    ["a 503", failure(503, "network_unavailable")],
    ["a 504", failure(504, "timeout")],
    ["a dropped connection", "destroy" as const],
  ])("expire after %s", async (_name, reply) => {
    const { stub, client, delays } = await setup([
      reply,
      { status: 200, body: { uuid: ID, status: "expired" } },
    ]);
    await expect(client.expireSession(ID)).rejects.toMatchObject({ retryable: true });
    expect(delays()).toEqual([]);
    expect(stub.requests).toHaveLength(1);
  });

  it("a redirect, which is not followed either", async () => {
    const { stub, client } = await setup([{ status: 302, headers: { Location: "/elsewhere" } }, STATUS_OK]);
    await expect(client.getSessionStatus(ID)).rejects.toMatchObject({
      status: 302,
      code: "unexpected_redirect",
    });
    expect(stub.requests.map((request) => request.url)).toEqual([
      `/v2/transaction/session-checkout/${ID}/status`,
    ]);
  });

  it.each([
    ["a body of the wrong shape", { status: 200, body: { uuid: ID } }],
    ["a body that is not JSON", { status: 200, body: "<html>maintenance</html>" }],
    ["a checkout link that is not a URL", { status: 201, body: { uuid: ID, link: "javascript:alert(1)" } }],
  ])("a 2xx with %s: invalid_response", async (_name, reply) => {
    const { stub, client } = await setup([reply, SESSION_OK, STATUS_OK]);
    const call =
      reply.status === 201
        ? client.createPaymentSession(PARAMS, { idempotencyKey: "k-1" })
        : client.getSessionStatus(ID);
    await expect(call).rejects.toMatchObject({
      status: reply.status,
      code: "invalid_response",
      retryable: false,
    });
    expect(stub.requests).toHaveLength(1);
  });
});

describe("idempotent creates", () => {
  it("retries 409 idempotency_key_in_use and 503 with the same Idempotency-Key", async () => {
    const inUse = failure(409, "idempotency_key_in_use");
    const { stub, client, delays } = await setup([
      inUse,
      failure(503, "network_unavailable"),
      "destroy",
      SESSION_OK,
    ]);
    const session = await client.createPaymentSession(PARAMS, { idempotencyKey: "checkout-order-1" });
    expect(session.id).toBe(ID);
    expect(delays()).toEqual([1000, 2000, 4000]);
    expect(stub.requests.map((request) => request.headers["idempotency-key"])).toEqual(
      Array(4).fill("checkout-order-1"),
    );
    const bodies = new Set(stub.requests.map((request) => request.body));
    expect(bodies.size).toBe(1);
  });
});
