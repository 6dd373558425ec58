// Decoding the way QBitFlow's SDKs do (issue 13, item 11; spec §12): only what the starter reads
// is required (ids, statuses, the checkout link); every other field may be absent, null or, when
// the starter does not read it, of an unexpected type, and unknown enum values are kept. One
// optional field QBitFlow leaves out must never stop fulfilment.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createQBitFlowClient } from "./client";
import { startStubServer, type StubServer } from "./test-stub-server";
import { parseWebhookEvent } from "./webhook-event";

const ID = "pay@01a0f22f-9600-7000-8000-000000000008";
const KEY = "sk_00000000-0000-4000-8000-000000000001_test_stub";

const stubs: StubServer[] = [];
afterEach(async () => {
  await Promise.all(stubs.splice(0).map((stub) => stub.close()));
});

async function clientAnswering(body: unknown, status = 200) {
  const stub = await startStubServer([{ status, body }]);
  stubs.push(stub);
  return createQBitFlowClient({ baseUrl: stub.baseUrl, apiKey: KEY, sleep: vi.fn(async () => {}) });
}

/** A payment as small as it can be: its id. */
const BARE_PAYMENT = { uuid: ID };
/** Every optional field present but null, the fee lines and nested objects included. */
const NULL_PAYMENT = {
  uuid: ID,
  reference: null,
  amount: null,
  amountMinUnits: null,
  paidUsd: null,
  paidMinUnits: null,
  chain: null,
  currency: null,
  currencyId: null,
  txHash: null,
  explorerUrl: null,
  customerUuid: null,
  customerReference: null,
  productUuid: null,
  createdAt: null,
  confirmedAt: null,
  checkoutOpenedAt: null,
  test: null,
  metadata: {
    feePercent: null,
    txAmounts: { usd: { platform: null, merchant: null, networkFee: null }, minUnits: null },
    txMetadata: { networkFees: null, blockData: null },
  },
  fees: { processingFee: null, items: [{ label: null, amountUsd: null }] },
  managementPageLink: null,
};
const EMPTY_PAYMENT = {
  id: ID,
  reference: null,
  amountUsd: null,
  amountCents: null,
  paidUsd: null,
  chain: null,
  currencySymbol: null,
  txHash: null,
  explorerUrl: null,
  customerUuid: null,
  customerReference: null,
  productUuid: null,
  createdAt: null,
  confirmedAt: null,
  test: false,
};
/** Fields the starter never reads, with types it does not expect: still no reason to refuse. */
const ODD_UNUSED_FIELDS = {
  uuid: ID,
  amount: 4.99,
  customerUuid: 42,
  customerReference: { crm: 1 },
  productUuid: [],
  createdAt: "yesterday",
  test: "yes",
};

const envelope = (type: string, data: unknown) => JSON.stringify({ id: "evt_1", type, version: "v2", data });

describe("API answers", () => {
  it.each([
    ["only its id", BARE_PAYMENT],
    ["every optional field null", NULL_PAYMENT],
  ])("decodes a payment with %s, absent values as null and test as false", async (_name, body) => {
    const client = await clientAnswering(body);
    await expect(client.getPayment(ID)).resolves.toEqual({
      ...EMPTY_PAYMENT,
      refund: null,
      refundable: null,
      notRefundableReason: null,
    });
  });

  it("decodes a payment whose unused fields have unexpected types", async () => {
    const client = await clientAnswering(ODD_UNUSED_FIELDS);
    await expect(client.getPaymentByReference("order-1")).resolves.toMatchObject({
      id: ID,
      amountCents: 499,
      customerUuid: null,
      createdAt: null,
      test: false,
    });
  });

  it("still refuses a payment without its id", async () => {
    const client = await clientAnswering({ amount: 4.99, test: true });
    await expect(client.getPayment(ID)).rejects.toMatchObject({ code: "invalid_response" });
  });

  it("decodes a status with only uuid and status, and an empty lastAttempt", async () => {
    const client = await clientAnswering({ uuid: ID, status: "created", lastAttempt: {} });
    await expect(client.getSessionStatus(ID)).resolves.toEqual({
      id: ID,
      status: "created",
      rawStatus: "created",
      txHash: null,
      message: null,
      lastAttempt: { code: null, message: null, txHash: null, at: null },
    });
  });

  it("decodes a session with only uuid and link, fee lines full of nulls", async () => {
    const client = await clientAnswering(
      { uuid: ID, link: "https://qbitflow.app/checkout/x", fees: { items: [{ label: null }] } },
      201,
    );
    await expect(client.createPaymentSession({ productUuid: "p" }, { idempotencyKey: "k" })).resolves.toEqual(
      { id: ID, link: "https://qbitflow.app/checkout/x", expiresAt: null },
    );
  });

  it.each([
    ["an empty body", {}],
    ["a space without test", { space: { uuid: null } }],
  ])("decodes GET /me with %s as an unknown mode", async (_name, body) => {
    const client = await clientAnswering(body);
    await expect(client.getMe()).resolves.toMatchObject({ test: null, credential: "" });
  });
});

describe("webhooks", () => {
  it.each([
    ["only its id", BARE_PAYMENT],
    ["every optional field null", NULL_PAYMENT],
    ["unused fields of unexpected types", ODD_UNUSED_FIELDS],
  ])("parses payment.completed with %s, in an envelope with no test or createdAt", (_name, data) => {
    const result = parseWebhookEvent(envelope("payment.completed", data));
    expect(result).toMatchObject({
      ok: true,
      event: { id: "evt_1", type: "payment.completed", test: false, createdAt: null, data: { id: ID } },
    });
  });

  it("parses checkout.expired with only its id (txType null, unknown values kept)", () => {
    expect(parseWebhookEvent(envelope("checkout.expired", { uuid: ID, txType: null }))).toMatchObject({
      ok: true,
      event: { type: "checkout.expired", data: { id: ID, txType: "payment", amountUsd: null, test: false } },
    });
    expect(
      parseWebhookEvent(envelope("checkout.expired", { uuid: ID, txType: "createSubscription" })),
    ).toMatchObject({ ok: true, event: { data: { txType: "createSubscription" } } });
  });

  it("parses webhook.test with no data fields and an unused userUuid of another type", () => {
    const body = JSON.stringify({ id: "evt_2", type: "webhook.test", version: "v2", userUuid: 7, data: {} });
    expect(parseWebhookEvent(body)).toMatchObject({ ok: true, event: { userUuid: null } });
  });

  it("still refuses a payment.completed without the payment's id", () => {
    expect(parseWebhookEvent(envelope("payment.completed", { amount: 1 }))).toMatchObject({
      ok: false,
      reason: "malformedData",
    });
  });
});
