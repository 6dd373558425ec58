/** `/v2/webhooks/*` contract: endpoints, the event log with deliveries, remote verify (spec §5.1). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "./server";
import {
  apiClient,
  control,
  createSession,
  LIVE_KEY,
  startReceiver,
  startTestSandbox,
  waitFor,
  type Call,
  type Dict,
  type ErrorBody,
  type Receiver,
} from "./test/helpers";

interface Endpoint {
  uuid: string;
  url: string;
  secret?: string;
  test: boolean;
  events: string[];
  description: string;
  disabledAt: string | null;
  disabledReason: string | null;
  payloadVersion: string;
}
interface EventDetail {
  id: string;
  type: string;
  version: string;
  data: Dict;
  deliveries: Array<{ endpointUuid: string; url: string; delivered: boolean; attempts: Array<Dict> }>;
}

let sandbox: RunningSandbox;
let call: Call;
let receiver: Receiver;
let endpoint: Endpoint;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  call = apiClient(sandbox.url);
  receiver = await startReceiver();
  const created = await call<Endpoint>(
    "POST",
    "/v2/webhooks/endpoints",
    { url: receiver.url, description: "local" },
    { "Idempotency-Key": "endpoint-1" },
  );
  endpoint = created.body;
  receiver.secrets.push(endpoint.secret ?? "");
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

describe("endpoints", () => {
  it("creates an endpoint (201) and shows its whsec_ secret only then", async () => {
    expect(endpoint).toMatchObject({
      url: receiver.url,
      test: true,
      events: [],
      payloadVersion: "v2",
      description: "local",
      disabledAt: null,
      disabledReason: null,
    });
    expect(endpoint.secret).toMatch(/^whsec_/);
    const list = await call<Endpoint[]>("GET", "/v2/webhooks/endpoints");
    expect(list.status).toBe(200);
    expect(list.body.map((e) => e.uuid)).toContain(endpoint.uuid);
    expect(list.body[0]).not.toHaveProperty("secret");
    const one = await call<Endpoint>("GET", `/v2/webhooks/endpoints/${endpoint.uuid}`);
    expect(one.body).not.toHaveProperty("secret");
    expect(one.body.uuid).toBe(endpoint.uuid);
    // Idempotent create: the same key replays the same endpoint.
    const replay = await call<Endpoint>(
      "POST",
      "/v2/webhooks/endpoints",
      { url: receiver.url, description: "local" },
      { "Idempotency-Key": "endpoint-1" },
    );
    expect(replay.body.uuid).toBe(endpoint.uuid);
  });

  it("validates urls per mode and the event types", async () => {
    const bad = await call<ErrorBody>("POST", "/v2/webhooks/endpoints", { url: "not a url" });
    expect(bad.status).toBe(400);
    expect(bad.body.details.errors?.[0]?.field).toBe("url");
    const live = apiClient(sandbox.url, LIVE_KEY);
    expect(
      (await live<ErrorBody>("POST", "/v2/webhooks/endpoints", { url: "http://shop.example.com/hook" })).body
        .code,
    ).toBe("validation_failed");
    expect(
      (await live<ErrorBody>("POST", "/v2/webhooks/endpoints", { url: "https://localhost/hook" })).body.code,
    ).toBe("validation_failed");
    expect(
      (await live("POST", "/v2/webhooks/endpoints", { url: "https://shop.example.com/hook" })).status,
    ).toBe(201);
    expect(
      (await call<ErrorBody>("POST", "/v2/webhooks/endpoints", { url: receiver.url, events: ["nope"] }))
        .status,
    ).toBe(400);
  });

  it("updates, disables, re-enables and deletes an endpoint; 10 per mode at most", async () => {
    const extra = await call<Endpoint>("POST", "/v2/webhooks/endpoints", {
      url: "http://127.0.0.1:9/unused",
      events: ["payment.completed"],
    });
    expect(extra.body.events).toEqual(["payment.completed"]);
    const updated = await call<Endpoint>("PUT", `/v2/webhooks/endpoints/${extra.body.uuid}`, {
      description: "changed",
      enabled: false,
    });
    expect(updated.body).toMatchObject({ description: "changed", disabledReason: "owner" });
    expect(
      (await call<Endpoint>("PUT", `/v2/webhooks/endpoints/${extra.body.uuid}`, { enabled: true })).body
        .disabledAt,
    ).toBeNull();
    const created: string[] = [];
    for (;;) {
      const res = await call<Endpoint & ErrorBody>("POST", "/v2/webhooks/endpoints", {
        url: "http://127.0.0.1:9/more",
      });
      if (res.status !== 201) {
        expect(res.status).toBe(409);
        expect(res.body.code).toBe("conflict");
        break;
      }
      created.push(res.body.uuid);
    }
    for (const uuid of [...created, extra.body.uuid])
      expect((await call("DELETE", `/v2/webhooks/endpoints/${uuid}`)).status).toBe(204);
    expect((await call<ErrorBody>("GET", `/v2/webhooks/endpoints/${extra.body.uuid}`)).body.code).toBe(
      "not_found",
    );
  });
});

describe("event log", () => {
  it("lists events newest first with cursor pages and a type filter", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await control<{ events: string[] }>(sandbox, "POST", "/sandbox/webhook-test", {
        endpointUuid: endpoint.uuid,
      });
      ids.push(...res.body.events);
    }
    const first = await call<{ items: Array<{ id: string; type: string }>; nextCursor: string | null }>(
      "GET",
      "/v2/webhooks/events?limit=2&type=webhook.test",
    );
    expect(first.status).toBe(200);
    expect(first.body.items.map((e) => e.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.nextCursor).toBe(ids[1]);
    const second = await call<{ items: Array<{ id: string }>; nextCursor: string | null }>(
      "GET",
      `/v2/webhooks/events?limit=2&type=webhook.test&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((e) => e.id)).toEqual([ids[0]]);
    expect(second.body.nextCursor).toBeNull();
    expect((await call<ErrorBody>("GET", "/v2/webhooks/events?limit=101")).status).toBe(400);
  });

  it("shows an event with its deliveries and attempts", async () => {
    const uuid = await createSession(call);
    await control(sandbox, "POST", `/sandbox/sessions/${uuid}/complete`, { skipConfirmation: true });
    const got = await waitFor("delivery", () => receiver.received.find((r) => r.event.data.uuid === uuid));
    const detail = await waitFor("logged attempt", async () => {
      const res = await call<EventDetail>("GET", `/v2/webhooks/events/${got.event.id}`);
      return res.body.deliveries[0]?.delivered ? res.body : null;
    });
    expect(detail).toMatchObject({
      id: got.event.id,
      type: "payment.completed",
      version: "v2",
      data: { uuid },
    });
    expect(detail.deliveries).toHaveLength(1);
    expect(detail.deliveries[0]).toMatchObject({
      endpointUuid: endpoint.uuid,
      url: receiver.url,
      delivered: true,
    });
    expect(detail.deliveries[0]?.attempts[0]).toMatchObject({
      uuid: expect.any(String),
      eventId: got.event.id,
      eventType: "payment.completed",
      endpointUuid: endpoint.uuid,
      attempt: 1,
      delivered: true,
      statusCode: 200,
      error: null,
      durationMs: expect.any(Number),
      attemptedAt: expect.any(String),
    });
    expect((await call<ErrorBody>("GET", "/v2/webhooks/events/evt_nope")).status).toBe(404);
  });
});

describe("POST /webhooks/verify", () => {
  it("answers 2xx for a genuine delivery and 400 invalid_signature otherwise", async () => {
    await control(sandbox, "POST", "/sandbox/webhook-test", { endpointUuid: endpoint.uuid });
    const got = await waitFor("webhook.test", () => receiver.received.at(-1));
    const signature = String(got.headers["qbitflow-signature"]);
    const ok = await call("POST", "/v2/webhooks/verify", {
      endpointUuid: endpoint.uuid,
      body: got.body,
      signature,
    });
    expect(ok.status).toBe(200);
    const tampered = await call<ErrorBody>("POST", "/v2/webhooks/verify", {
      endpointUuid: endpoint.uuid,
      body: `${got.body} `,
      signature,
    });
    expect(tampered.status).toBe(400);
    expect(tampered.body).toMatchObject({
      code: "invalid_signature",
      details: { reason: "noMatchingSignature" },
    });
    const malformed = await call<ErrorBody>("POST", "/v2/webhooks/verify", {
      endpointUuid: endpoint.uuid,
      body: got.body,
      signature: "sha256=abc",
    });
    expect(malformed.body.code).toBe("invalid_signature");
    expect(
      (
        await call<ErrorBody>("POST", "/v2/webhooks/verify", {
          endpointUuid: endpoint.uuid,
          body: "",
          signature,
        })
      ).body.code,
    ).toBe("validation_failed");
    expect(
      (
        await call("POST", "/v2/webhooks/verify", {
          endpointUuid: "00000000-0000-4000-8000-000000000000",
          body: got.body,
          signature,
        })
      ).status,
    ).toBe(404);
  });
});
