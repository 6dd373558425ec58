// The edges of parseWebhookEvent's promise never to throw: bodies that are JSON but not objects,
// bytes that are JSON but not UTF-8, and the messages that say what was wrong.
import { describe, expect, it } from "vitest";
import { parseWebhookEvent } from "./webhook-event";

const EXPIRED = {
  id: "evt_1",
  type: "checkout.expired",
  version: "v2",
  createdAt: "2026-10-01T13:00:00Z",
  test: true,
  data: { uuid: "pay@1", productName: "PRODUCT", test: true },
};

describe("bodies that are JSON but not an object", () => {
  it.each(["null", "42", '"v2"', "true", "[]", '[{"version":"v2"}]'])("%s is malformedEnvelope", (body) => {
    expect(parseWebhookEvent(body)).toEqual({
      ok: false,
      reason: "malformedEnvelope",
      message: "the body is not a JSON object",
    });
  });
});

describe("bytes that are not UTF-8", () => {
  it("inside a JSON string, where the JSON syntax is intact, are malformedJson", () => {
    const [before, after] = JSON.stringify(EXPIRED).split("PRODUCT") as [string, string];
    const encoder = new TextEncoder();
    const body = Buffer.concat([encoder.encode(before), Buffer.from([0xc3, 0x28]), encoder.encode(after)]);
    expect(parseWebhookEvent(body)).toMatchObject({ ok: false, reason: "malformedJson" });
    // The same body, valid UTF-8, parses: the bytes alone make the difference.
    expect(parseWebhookEvent(encoder.encode(JSON.stringify(EXPIRED)))).toMatchObject({ ok: true });
  });
});

describe("failure messages", () => {
  it("name the version that was sent, or say it is missing", () => {
    const { version: _version, ...v1 } = EXPIRED;
    expect(parseWebhookEvent(JSON.stringify(v1))).toMatchObject({
      reason: "unsupportedVersion",
      message: 'version is missing, expected "v2"',
    });
    expect(parseWebhookEvent(JSON.stringify({ ...EXPIRED, version: 1 }))).toMatchObject({
      reason: "unsupportedVersion",
      message: 'version is 1, expected "v2"',
    });
  });

  it("name the path of each envelope problem, joined by '; '", () => {
    // test and createdAt are only kept, never acted on: wrong types there decode to defaults.
    const result = parseWebhookEvent(
      JSON.stringify({ version: "v2", id: 1, type: 2, test: "no", createdAt: 3, data: null }),
    );
    expect(result).toMatchObject({ ok: false, reason: "malformedEnvelope" });
    const paths = result.ok ? [] : result.message.split("; ").map((part) => part.split(": ")[0]);
    expect(paths).toEqual(["id", "type"]);
  });

  it("name at most three problems", () => {
    // Four fields the starter reads, each of the wrong type.
    const data = { uuid: 1, reference: 2, amount: "3", paidUsd: "4" };
    const result = parseWebhookEvent(JSON.stringify({ ...EXPIRED, type: "payment.completed", data }));
    expect(result).toMatchObject({ ok: false, reason: "malformedData" });
    const message = result.ok ? "" : result.message.replace(/^payment\.completed: /, "");
    const paths = message.split("; ").map((part) => part.split(": ")[0]);
    expect(paths).toEqual(["uuid", "reference", "amount"]);
  });

  it("join a nested path with dots", () => {
    const data = { uuid: "pay@1", amount: 1, test: true, currency: { symbol: 5 } };
    const result = parseWebhookEvent(JSON.stringify({ ...EXPIRED, type: "payment.completed", data }));
    expect(result.ok ? "" : result.message).toMatch(/^payment\.completed: currency\.symbol: \S/);
  });

  it("say (root) when the data itself has the wrong type", () => {
    const result = parseWebhookEvent(JSON.stringify({ ...EXPIRED, type: "webhook.test", data: "hi" }));
    expect(result).toMatchObject({ ok: false, reason: "malformedData" });
    expect(result.ok ? "" : result.message).toMatch(/^webhook\.test: \(root\): \S/);
  });
});

describe("payment.completed data", () => {
  it("reads a payment without a currency object as no currency symbol", () => {
    const data = { uuid: "pay@1", amount: 3.99, test: true, currency: null };
    const result = parseWebhookEvent(JSON.stringify({ ...EXPIRED, type: "payment.completed", data }));
    expect(result).toMatchObject({ ok: true, event: { data: { currencySymbol: null, amountCents: 399 } } });
  });
});

describe("checkout.expired data", () => {
  it("defaults txType to payment and falls back from amount to price", () => {
    const result = parseWebhookEvent(JSON.stringify({ ...EXPIRED, data: { ...EXPIRED.data, price: 4.99 } }));
    expect(result).toMatchObject({ ok: true, event: { data: { txType: "payment", amountUsd: 4.99 } } });
  });

  it("prefers amount (the session total) over price", () => {
    const data = { ...EXPIRED.data, price: 4.99, amount: 5.24 };
    const result = parseWebhookEvent(JSON.stringify({ ...EXPIRED, data }));
    expect(result).toMatchObject({ ok: true, event: { data: { amountUsd: 5.24 } } });
  });
});

describe("test flags of another type", () => {
  // An unexpected type on a field the starter never acts on decodes to its default: false, as
  // an absent flag does, never "test" on a guess.
  it("read as false on the envelope and on checkout.expired data", () => {
    const body = { ...EXPIRED, test: "yes", data: { ...EXPIRED.data, test: "yes" } };
    expect(parseWebhookEvent(JSON.stringify(body))).toMatchObject({
      ok: true,
      event: { test: false, data: { id: "pay@1", test: false } },
    });
  });
});
