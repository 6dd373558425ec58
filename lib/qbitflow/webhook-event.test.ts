import { describe, expect, it } from "vitest";
import { parseWebhookEvent } from "./webhook-event";

// Spec §5.6 (PY3 tests/fixtures/events/payment.completed.json); the values the spec abbreviates
// (addresses, hashes, uuids, dates) are filled in with values of the same shape.
const PAYMENT_COMPLETED = {
  createdAt: "2026-10-01T12:00:01Z",
  id: "evt_82c1e15d-c0d9-584f-a65a-fb4099925273",
  test: false,
  type: "payment.completed",
  version: "v2",
  data: {
    amount: 10,
    amountMinUnits: "10000000",
    chain: "BASE",
    checkoutOpenedAt: "2026-10-01T11:58:00Z",
    confirmedAt: "2026-10-01T11:59:58.123456+00:00",
    createdAt: "2026-10-01T11:59:50Z",
    currency: {
      address: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913",
      decimals: 6,
      id: 8,
      mainCurrency: {
        address: "",
        decimals: 18,
        id: 3,
        mainCurrency: null,
        name: "Base",
        symbol: "BASE",
        test: false,
      },
      mainCurrencyId: 3,
      name: "USD Coin",
      symbol: "USDC",
      test: false,
    },
    currencyId: 8,
    customerReference: "crm-5521",
    customerUuid: "01a05cd7-2a00-7d00-8000-0000000000d1",
    description: "Lifetime access",
    explorerUrl: "https://basescan.org/tx/0x1111111111111111111111111111111111111111111111111111111111111111",
    from: "0x2222222222222222222222222222222222222222",
    managementPageLink:
      "https://qbitflow.app/user/01a05cd7-2a00-7d00-8000-0000000000a1/manage?uuid=pay@01a0f755-f200-7000-8000-000000000001",
    metadata: {
      feePercent: 1.5,
      txAmounts: {
        minUnits: {
          merchant: "9850000",
          networkFee: "4200",
          organization: "0",
          platform: "150000",
          referral: "0",
        },
        usd: { merchant: 9.85, networkFee: 0.0042, platform: 0.15 },
      },
      txMetadata: {
        blockData: { number: "52468103", timestamp: 1790855998 },
        networkFees: { amount: "1140000000000", unitsConsumed: 95000 },
      },
    },
    name: "Pro plan (lifetime)",
    paidMinUnits: "10004200",
    paidUsd: 10.0042,
    productUuid: "01a05cd7-2a00-7d00-8000-0000000000e1",
    reference: "order-1042",
    test: false,
    to: "0x3333333333333333333333333333333333333333",
    txHash: "0x1111111111111111111111111111111111111111111111111111111111111111",
    uuid: "pay@01a0f755-f200-7000-8000-000000000001",
  },
};

const CHECKOUT_EXPIRED = {
  id: "evt_5b2a1c3d-0000-4000-8000-000000000002",
  type: "checkout.expired",
  version: "v2",
  createdAt: "2026-10-01T13:00:00Z",
  test: true,
  userUuid: "01a05cd7-2a00-7d00-8000-0000000000a2",
  data: {
    uuid: "pay@01a0f22f-9600-7000-8000-000000000008",
    reference: "order-1043",
    productName: "Pro plan",
    price: 4.99,
    amount: 4.99,
    organizationName: "Sandbox Shop",
    test: true,
    txType: "payment",
    availableCurrencyIds: [3, 8],
    createdAt: "2026-10-01T12:30:00Z",
    expiresAt: "2026-10-01T14:30:00.999999+02:00",
  },
};

const json = (value: unknown) => JSON.stringify(value);

describe("parseWebhookEvent", () => {
  it("parses payment.completed (spec §5.6) into our Payment", () => {
    const result = parseWebhookEvent(json(PAYMENT_COMPLETED));
    expect(result).toEqual({
      ok: true,
      event: {
        id: "evt_82c1e15d-c0d9-584f-a65a-fb4099925273",
        type: "payment.completed",
        createdAt: new Date("2026-10-01T12:00:01Z"),
        test: false,
        userUuid: null,
        data: {
          id: "pay@01a0f755-f200-7000-8000-000000000001",
          reference: "order-1042",
          amountUsd: 10,
          amountCents: 1000,
          paidUsd: 10.0042,
          chain: "BASE",
          currencySymbol: "USDC",
          txHash: PAYMENT_COMPLETED.data.txHash,
          explorerUrl: PAYMENT_COMPLETED.data.explorerUrl,
          customerUuid: "01a05cd7-2a00-7d00-8000-0000000000d1",
          customerReference: "crm-5521",
          productUuid: "01a05cd7-2a00-7d00-8000-0000000000e1",
          createdAt: new Date("2026-10-01T11:59:50Z"),
          confirmedAt: new Date("2026-10-01T11:59:58.123Z"),
          test: false,
          managementPageLink: PAYMENT_COMPLETED.data.managementPageLink,
        },
      },
    });
  });

  it("accepts the body as bytes", () => {
    const result = parseWebhookEvent(new TextEncoder().encode(json(PAYMENT_COMPLETED)));
    expect(result.ok && result.event.type).toBe("payment.completed");
  });

  it("parses checkout.expired", () => {
    expect(parseWebhookEvent(json(CHECKOUT_EXPIRED))).toEqual({
      ok: true,
      event: {
        id: CHECKOUT_EXPIRED.id,
        type: "checkout.expired",
        createdAt: new Date("2026-10-01T13:00:00Z"),
        test: true,
        userUuid: "01a05cd7-2a00-7d00-8000-0000000000a2",
        data: {
          id: "pay@01a0f22f-9600-7000-8000-000000000008",
          reference: "order-1043",
          txType: "payment",
          productName: "Pro plan",
          amountUsd: 4.99,
          test: true,
          createdAt: new Date("2026-10-01T12:30:00Z"),
          expiresAt: new Date("2026-10-01T12:30:00.999Z"),
        },
      },
    });
  });

  it("parses webhook.test (the §9.1 body, and one with data)", () => {
    const signed =
      '{"createdAt":"2026-10-01T12:00:00Z","data":{},"id":"evt_3f1c2d4e-5a6b-5c7d-8e9f-0a1b2c3d4e5f","test":false,"type":"webhook.test","version":"v2"}';
    const result = parseWebhookEvent(signed);
    expect(result).toMatchObject({
      ok: true,
      event: { type: "webhook.test", data: { endpointUuid: null, message: null } },
    });
    const withData = { ...JSON.parse(signed), data: { endpointUuid: "e1", message: "Hello" } };
    expect(parseWebhookEvent(json(withData))).toMatchObject({
      ok: true,
      event: { type: "webhook.test", data: { endpointUuid: "e1", message: "Hello" } },
    });
  });

  it.each(["subscription.created", "heldFunds.released", "something.new"])(
    "keeps %s as an unknown event",
    (type) => {
      const body = { ...CHECKOUT_EXPIRED, type, data: { anything: [1, 2] } };
      expect(parseWebhookEvent(json(body))).toMatchObject({
        ok: true,
        event: { id: CHECKOUT_EXPIRED.id, type: "unknown", rawType: type, data: { anything: [1, 2] } },
      });
    },
  );

  it.each([
    ["a v1 envelope", { ...PAYMENT_COMPLETED, version: "v1" }],
    ["a v1 transaction body", { uuid: "pay@x", status: { status: "completed" }, session: {} }],
  ])("rejects %s as unsupportedVersion", (_name, body) => {
    expect(parseWebhookEvent(json(body))).toMatchObject({ ok: false, reason: "unsupportedVersion" });
  });

  it.each([
    ["truncated JSON", '{"id":"evt_1",', "malformedJson"],
    ["an empty body", "", "malformedJson"],
    ["invalid UTF-8", Buffer.from("//4Ae4B9ww==", "base64"), "malformedJson"],
    ["an array", "[]", "malformedEnvelope"],
    ["a missing id", json({ ...CHECKOUT_EXPIRED, id: undefined }), "malformedEnvelope"],
    ["a missing type", json({ ...CHECKOUT_EXPIRED, type: undefined }), "malformedEnvelope"],
    ["payment data without uuid", json({ ...PAYMENT_COMPLETED, data: { amount: 1 } }), "malformedData"],
    [
      "payment data with a text amount",
      json({ ...PAYMENT_COMPLETED, data: { uuid: "pay@x", amount: "4.99" } }),
      "malformedData",
    ],
    ["checkout data that is null", json({ ...CHECKOUT_EXPIRED, data: null }), "malformedData"],
  ])("reports %s as %s without throwing", (_name, body, reason) => {
    const result = parseWebhookEvent(body);
    expect(result).toMatchObject({ ok: false, reason });
    expect(result.ok || result.message.length > 0).toBe(true);
  });
});
