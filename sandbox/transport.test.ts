/** Transport rules (spec §1): auth, error body, X-Request-Id, Idempotency-Key, `@`/`%40` ids. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "./server";
import {
  apiClient,
  createSession,
  inlineSession,
  LIVE_KEY,
  startTestSandbox,
  waitFor,
  type Call,
  type ErrorBody,
} from "./test/helpers";

const CREATE = "/v2/transaction/session-checkout/new/payment";
let sandbox: RunningSandbox;
let call: Call;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  call = apiClient(sandbox.url);
});
afterAll(() => sandbox.close());

describe("authentication", () => {
  it("answers 401 unauthorized without a key or with an unknown key", async () => {
    for (const key of ["", "sk_00000000-0000-4000-8000-000000000009_test_nope", "not-a-key"]) {
      const res = await apiClient(sandbox.url, key)<ErrorBody>("GET", "/v2/me");
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: "unauthorized", details: {} });
      expect(res.body.error).toEqual(expect.any(String));
      expect(res.body.requestId).toBe(res.headers.get("x-request-id"));
    }
  });

  it("describes the key on GET /me, the mode coming from the key", async () => {
    const test = await call("GET", "/v2/me");
    expect(test.status).toBe(200);
    expect(test.body).toMatchObject({
      credential: "apiKey",
      apiKeyUuid: "00000000-0000-4000-8000-000000000001",
      role: "admin",
      space: { test: true, organizationName: "Sandbox Shop" },
    });
    const live = await apiClient(sandbox.url, LIVE_KEY)("GET", "/v2/me");
    expect(live.body).toMatchObject({ space: { test: false } });
  });
});

describe("errors and request ids", () => {
  it("echoes a valid X-Request-Id and puts it on errors", async () => {
    const ok = await call("GET", "/v2/me", undefined, { "X-Request-Id": "trace-123:abc.def_1" });
    expect(ok.headers.get("x-request-id")).toBe("trace-123:abc.def_1");
    const err = await call<ErrorBody>("GET", "/v2/transaction/payment/pay@nope", undefined, {
      "X-Request-Id": "trace-404",
    });
    expect(err.status).toBe(404);
    expect(err.body).toEqual({
      error: expect.any(String),
      code: "not_found",
      details: {},
      requestId: "trace-404",
    });
  });

  it("generates a request id when none or an invalid one is sent", async () => {
    const res = await call("GET", "/v2/me", undefined, { "X-Request-Id": "has spaces" });
    expect(res.headers.get("x-request-id")).toMatch(/^req_[0-9a-f-]{36}$/);
  });

  it("answers 404 for unknown routes, 405 for wrong methods, 400 for bad JSON, 413 above 1 MiB", async () => {
    expect((await call<ErrorBody>("GET", "/v2/nothing-here")).body.code).toBe("not_found");
    const wrong = await call<ErrorBody>("DELETE", "/v2/me");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
    const bad = await call<ErrorBody>("POST", CREATE, "{not json");
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("bad_request");
    const huge = await call<ErrorBody>(
      "POST",
      CREATE,
      JSON.stringify({ productName: "x".repeat(1024 * 1024) }),
    );
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe("request_too_large");
  });
});

describe("ids with @ or %40", () => {
  it("accepts both spellings of a pay@ id in paths", async () => {
    const uuid = await createSession(call);
    const plain = await call("GET", `/v2/transaction/session-checkout/${uuid}/status`);
    const encoded = await call("GET", `/v2/transaction/session-checkout/${uuid.replace("@", "%40")}/status`);
    expect(plain.status).toBe(200);
    expect(encoded.body).toEqual(plain.body);
  });
});

describe("Idempotency-Key (spec §1.5)", () => {
  const key = (): Record<string, string> => ({ "Idempotency-Key": `checkout-${crypto.randomUUID()}` });

  it("replays the stored answer for the same key and the same body", async () => {
    const headers = key();
    const body = inlineSession({ reference: `idem-${crypto.randomUUID()}` });
    const first = await call<{ uuid: string }>("POST", CREATE, body, headers);
    expect(first.status).toBe(201);
    // Same fields in another order: the same request. Without the replay the reference would 409.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await call<{ uuid: string }>("POST", CREATE, reordered, headers);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
  });

  it("answers 422 idempotency_key_reused for the same key with another body", async () => {
    const headers = key();
    expect((await call("POST", CREATE, inlineSession(), headers)).status).toBe(201);
    const reused = await call<ErrorBody>("POST", CREATE, inlineSession({ price: 1 }), headers);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe("idempotency_key_reused");
  });

  it("answers 409 idempotency_key_in_use while the first request is in flight", async () => {
    await call("POST", "/sandbox/settings", { apiLatencyMs: 300 });
    try {
      const headers = key();
      const first = call("POST", CREATE, inlineSession(), headers);
      await new Promise((r) => setTimeout(r, 100));
      const second = await call<ErrorBody>("POST", CREATE, inlineSession(), headers);
      expect(second.status).toBe(409);
      expect(second.body.code).toBe("idempotency_key_in_use");
      expect((await first).status).toBe(201);
    } finally {
      await call("POST", "/sandbox/settings", { apiLatencyMs: 0 });
    }
  });

  it("does not store 4xx answers: the same key runs again", async () => {
    const headers = key();
    const invalid = await call<ErrorBody>("POST", CREATE, inlineSession({ price: -1 }), headers);
    expect(invalid.status).toBe(400);
    const fixed = await call("POST", CREATE, inlineSession(), headers);
    expect(fixed.status).toBe(201);
  });

  it("rejects a malformed key and ignores the header on other routes", async () => {
    const bad = await call<ErrorBody>("POST", CREATE, inlineSession(), { "Idempotency-Key": "has space" });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("bad_request");
    const uuid = await createSession(call);
    const headers = key();
    expect((await call("POST", `/v2/transaction/session-checkout/${uuid}/expire`, {}, headers)).status).toBe(
      200,
    );
    expect((await call("GET", "/v2/me", undefined, headers)).status).toBe(200);
  });

  it("keeps answers for 24 h (scaled), then forgets them", async () => {
    const fast = await startTestSandbox({ timeScale: 0.00001 }); // 24 h → 0.86 s
    try {
      const fastCall = apiClient(fast.url);
      const headers = key();
      expect((await fastCall("POST", CREATE, inlineSession(), headers)).status).toBe(201);
      expect((await fastCall("POST", CREATE, inlineSession({ price: 2 }), headers)).status).toBe(422);
      await waitFor(
        "the stored answer to expire",
        async () => (await fastCall("POST", CREATE, inlineSession({ price: 2 }), headers)).status === 201,
        5_000,
        50,
      );
    } finally {
      await fast.close();
    }
  });
});
