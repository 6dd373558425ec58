/** `POST /transaction/session-checkout/new/payment` contract (spec §2.1, §9.3). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "./server";
import {
  apiClient,
  control,
  inlineSession,
  LIVE_KEY,
  startTestSandbox,
  type Call,
  type Dict,
  type ErrorBody,
} from "./test/helpers";

const CREATE = "/v2/transaction/session-checkout/new/payment";
const PRODUCT = {
  uuid: "019cadfd-8900-7c00-8000-0000000000c1",
  reference: "pro-lifetime",
  name: "Pro plan (lifetime)",
  description: "Lifetime access",
  price: 3,
};
let sandbox: RunningSandbox;
let call: Call;
let live: Call;

beforeAll(async () => {
  sandbox = await startTestSandbox({ products: [PRODUCT], publicUrl: "http://localhost:4010/" });
  call = apiClient(sandbox.url);
  live = apiClient(sandbox.url, LIVE_KEY);
});
afterAll(() => sandbox.close());

async function fieldsOf(body: Dict, client: Call = call): Promise<string[]> {
  const res = await client<ErrorBody>("POST", CREATE, body);
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.code).toBe("validation_failed");
  return (res.body.details.errors ?? []).map((e) => e.field);
}

describe("success", () => {
  it("answers 201 {link, uuid, expiresAt} with the link on the public URL", async () => {
    const before = Date.now();
    const res = await call<{ link: string; uuid: string; expiresAt: string }>(
      "POST",
      CREATE,
      inlineSession({ expiresInMinutes: 30 }),
    );
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(["expiresAt", "link", "uuid"]);
    expect(res.body.uuid).toMatch(/^pay@[0-9a-f-]{36}$/);
    expect(res.body.link).toBe(`http://localhost:4010/checkout/${res.body.uuid}`);
    // 30 minutes at time scale 0.001 = 1.8 s.
    const lifetime = Date.parse(res.body.expiresAt) - before;
    expect(lifetime).toBeGreaterThan(1_700);
    expect(lifetime).toBeLessThan(2_500);
  });

  it("uses the sandbox-defined default lifetime (60 min) when expiresInMinutes is absent or 0", async () => {
    for (const extra of [{}, { expiresInMinutes: 0 }]) {
      const before = Date.now();
      const res = await call<{ expiresAt: string }>("POST", CREATE, inlineSession(extra));
      expect(Date.parse(res.body.expiresAt) - before).toBeGreaterThan(3_500);
    }
  });

  it("accepts the wire vector of spec §9.3 with a live key", async () => {
    const body = {
      cancelUrl: "https://shop.example.com/cart",
      customerUuid: "01a05cd7-2a00-7d00-8000-0000000000d1",
      description: "Lifetime access",
      expiresInMinutes: 30,
      price: 10,
      productName: "Pro plan (lifetime)",
      reference: "order-1043",
      successUrl: "https://shop.example.com/thanks?uuid={{UUID}}&type={{TRANSACTION_TYPE}}",
    };
    expect((await live("POST", CREATE, body)).status).toBe(201);
  });

  it("creates sessions from a known product by uuid or reference; unknown ones are 404", async () => {
    expect((await call("POST", CREATE, { productUuid: PRODUCT.uuid })).status).toBe(201);
    expect((await call("POST", CREATE, { productReference: "pro-lifetime" })).status).toBe(201);
    const missing = await call<ErrorBody>("POST", CREATE, {
      productUuid: "019cadfd-8900-7c00-8000-0000000000c9",
    });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("not_found");
    expect((await call<ErrorBody>("POST", CREATE, { productReference: "nope" })).status).toBe(404);
  });

  it("adds fee lines and the grossed-up processing fee to the amount", async () => {
    const res = await live<{ uuid: string }>("POST", CREATE, {
      productName: "Order",
      price: 100,
      fees: { processingFee: true, items: [{ label: "VAT", amountUsd: "20.00" }] },
    });
    expect(res.status).toBe(201);
    const session = await control<{ amount: number }>(sandbox, "GET", `/sandbox/sessions/${res.body.uuid}`);
    expect(session.body.amount).toBe(121.83);
  });
});

describe("validation (400 validation_failed, details.errors)", () => {
  it("needs exactly one product choice", async () => {
    expect(await fieldsOf({})).toEqual(["product"]);
    expect(await fieldsOf({ productUuid: PRODUCT.uuid, productName: "Pro plan", price: 1 })).toEqual([
      "product",
    ]);
    expect(await fieldsOf({ productUuid: PRODUCT.uuid, productReference: "pro-lifetime" })).toEqual([
      "product",
    ]);
    expect(await fieldsOf({ productName: "Pro plan" })).toEqual(["price"]);
    expect(await fieldsOf({ price: 1 })).toEqual(["productName"]);
  });

  it("checks name and description lengths and characters", async () => {
    expect(await fieldsOf(inlineSession({ productName: "A" }))).toEqual(["productName"]);
    expect(await fieldsOf(inlineSession({ productName: "a".repeat(101) }))).toEqual(["productName"]);
    expect(await fieldsOf(inlineSession({ productName: "   " }))).toContain("productName");
    expect(await fieldsOf(inlineSession({ productName: "Pro <b>plan</b>" }))).toEqual(["productName"]);
    expect(await fieldsOf(inlineSession({ productName: "Pro\nplan" }))).toEqual(["productName"]);
    expect(await fieldsOf(inlineSession({ description: "x" }))).toEqual(["description"]);
    expect(await fieldsOf(inlineSession({ description: "d".repeat(501) }))).toEqual(["description"]);
    expect(
      (await call("POST", CREATE, inlineSession({ productName: "😀😀", description: "d".repeat(500) })))
        .status,
    ).toBe(201);
    expect((await call("POST", CREATE, inlineSession({ productName: "a".repeat(100) }))).status).toBe(201);
  });

  it("needs a price > 0", async () => {
    expect(await fieldsOf(inlineSession({ price: 0 }))).toEqual(["price"]);
    expect(await fieldsOf(inlineSession({ price: -3 }))).toEqual(["price"]);
    expect(await fieldsOf(inlineSession({ price: "4" }))).toEqual(["price"]);
  });

  it("caps a test-mode total at 5 USD with details.max, fees included", async () => {
    const res = await call<ErrorBody>("POST", CREATE, inlineSession({ price: 5.01 }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "validation_failed", details: { max: 5 } });
    expect((await call("POST", CREATE, inlineSession({ price: 5 }))).status).toBe(201);
    const withFee = await call<ErrorBody>(
      "POST",
      CREATE,
      inlineSession({ price: 4, fees: { items: [{ label: "Shipping", amountUsd: 1.5 }] } }),
    );
    expect(withFee.body.details.max).toBe(5);
    expect(
      (
        await live(
          "POST",
          CREATE,
          inlineSession({ price: 500, successUrl: "https://shop.example.com/ok", cancelUrl: undefined }),
        )
      ).status,
    ).toBe(201);
  });

  it("checks the reference charset", async () => {
    expect(await fieldsOf(inlineSession({ reference: "a b" }))).toEqual(["reference"]);
    expect(await fieldsOf(inlineSession({ reference: "r".repeat(101) }))).toEqual(["reference"]);
    expect(await fieldsOf(inlineSession({ reference: "" }))).toEqual(["reference"]);
    expect(
      (await call("POST", CREATE, inlineSession({ reference: `Ok.ref_1:x@y-${Date.now()}` }))).status,
    ).toBe(201);
  });

  it("checks URLs per mode: http allowed in test, https required in live", async () => {
    expect(await fieldsOf(inlineSession({ successUrl: "/relative" }))).toEqual(["successUrl"]);
    expect(await fieldsOf(inlineSession({ cancelUrl: "ftp://x.test/a" }))).toEqual(["cancelUrl"]);
    expect(await fieldsOf(inlineSession({ price: 10 }), live)).toEqual(["successUrl", "cancelUrl"]);
  });

  it("bounds expiresInMinutes to 10–1440", async () => {
    expect(await fieldsOf(inlineSession({ expiresInMinutes: 9 }))).toEqual(["expiresInMinutes"]);
    expect(await fieldsOf(inlineSession({ expiresInMinutes: 1441 }))).toEqual(["expiresInMinutes"]);
    expect(await fieldsOf(inlineSession({ expiresInMinutes: 12.5 }))).toEqual(["expiresInMinutes"]);
    expect((await call("POST", CREATE, inlineSession({ expiresInMinutes: 10 }))).status).toBe(201);
    expect((await call("POST", CREATE, inlineSession({ expiresInMinutes: 1440 }))).status).toBe(201);
  });

  it("reports several field errors at once", async () => {
    expect(await fieldsOf({ productName: "A", price: 0, reference: "a b", expiresInMinutes: 5 })).toEqual([
      "productName",
      "price",
      "reference",
      "expiresInMinutes",
    ]);
  });
});

describe("reference uniqueness (409 unique_violation)", () => {
  it("holds a reference while the session is open, frees it once expired, holds it once paid", async () => {
    const reference = `order-${crypto.randomUUID()}`;
    const first = await call<{ uuid: string }>("POST", CREATE, inlineSession({ reference }));
    const dup = await call<ErrorBody>("POST", CREATE, inlineSession({ reference }));
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: "unique_violation", details: { field: "reference" } });
    // Another mode is another space.
    expect((await live("POST", CREATE, { productName: "Order", price: 1, reference })).status).toBe(201);

    await call("POST", `/v2/transaction/session-checkout/${first.body.uuid}/expire`, {});
    const second = await call<{ uuid: string }>("POST", CREATE, inlineSession({ reference }));
    expect(second.status).toBe(201);
    await control(sandbox, "POST", `/sandbox/sessions/${second.body.uuid}/complete`, {
      skipConfirmation: true,
    });
    expect((await call<ErrorBody>("POST", CREATE, inlineSession({ reference }))).body.code).toBe(
      "unique_violation",
    );
  });
});
