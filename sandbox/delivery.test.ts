/** Webhook delivery: headers, signatures, the retry schedule under a time scale, disabling, rotation. */
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_RETRY_SCHEDULE_MS } from "./defaults";
import type { RunningSandbox } from "./server";
import {
  apiClient,
  control,
  createSession,
  startReceiver,
  startTestSandbox,
  waitFor,
  type Dict,
  type Receiver,
} from "./test/helpers";

const SECRET = "whsec_delivery_test_secret";
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function setup(
  timeScale: number,
  extra: Parameters<typeof startTestSandbox>[0] = {},
): Promise<{ sandbox: RunningSandbox; receiver: Receiver; endpointUuid: string }> {
  const receiver = await startReceiver([SECRET]);
  const sandbox = await startTestSandbox({
    timeScale,
    webhookEndpoints: [{ url: receiver.url, secret: SECRET }],
    ...extra,
  });
  cleanups.push(
    () => receiver.close(),
    () => sandbox.close(),
  );
  return { sandbox, receiver, endpointUuid: sandbox.endpoints[0]?.uuid ?? "" };
}

async function endpointState(sandbox: RunningSandbox, uuid: string): Promise<Dict> {
  return (await apiClient(sandbox.url)<Dict>("GET", `/v2/webhooks/endpoints/${uuid}`)).body;
}

describe("delivery", () => {
  it("posts the v2 envelope with the QBitFlow headers and a verifiable signature", async () => {
    const { sandbox, receiver } = await setup(0.001);
    const uuid = await createSession(apiClient(sandbox.url));
    await control(sandbox, "POST", `/sandbox/sessions/${uuid}/complete`, { skipConfirmation: true });
    const got = await waitFor("delivery", () => receiver.received[0]);
    expect(got.headers["content-type"]).toBe("application/json");
    expect(got.headers["qbitflow-event-id"]).toBe(got.event.id);
    expect(got.headers["qbitflow-event-type"]).toBe("payment.completed");
    expect(got.headers["qbitflow-webhook-version"]).toBe("v2");
    expect(got.headers["qbitflow-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(got.verification).toBe("ok");
    expect(Object.keys(got.event).sort()).toEqual(["createdAt", "data", "id", "test", "type", "version"]);
  });

  it("retries with the same event id and bytes on the documented schedule until a 2xx", async () => {
    const timeScale = 0.00001; // 72 h of schedule → 2.6 s
    const { sandbox, receiver } = await setup(timeScale);
    receiver.respond((_r, index) => (index < 6 ? 500 : 200));
    const uuid = await createSession(apiClient(sandbox.url));
    await control(sandbox, "POST", `/sandbox/sessions/${uuid}/complete`, { skipConfirmation: true });
    await waitFor("seven attempts", () => receiver.received.length >= 7, 5_000);
    const [first, ...rest] = receiver.received;
    if (!first) throw new Error("no delivery");
    for (const r of rest) {
      expect(r.event.id).toBe(first.event.id);
      expect(r.body).toBe(first.body);
    }
    expect(receiver.received.every((r) => r.verification === "ok")).toBe(true);
    const log = await waitFor("logged success", async () => {
      const detail = await apiClient(sandbox.url)<{
        deliveries: Array<{ delivered: boolean; attempts: Dict[] }>;
      }>("GET", `/v2/webhooks/events/${first.event.id}`);
      return detail.body.deliveries[0]?.delivered ? detail.body.deliveries[0] : null;
    });
    expect(log.attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Each attempt starts no earlier than its scaled offset from the first one.
    const starts = log.attempts.map((a) => Date.parse(String(a.attemptedAt)));
    starts.forEach((start, i) => {
      expect(start - (starts[0] ?? 0)).toBeGreaterThanOrEqual(
        Math.floor((DEFAULT_RETRY_SCHEDULE_MS[i] ?? 0) * timeScale) - 2,
      );
    });
    // …and not much later either: the schedule drives the retries, not something slower.
    expect((starts[6] ?? 0) - (starts[0] ?? 0)).toBeLessThan(
      (DEFAULT_RETRY_SCHEDULE_MS[6] ?? 0) * timeScale + 250,
    );
    expect(log.attempts.map((a) => a.statusCode)).toEqual([500, 500, 500, 500, 500, 500, 200]);
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.received).toHaveLength(7);
  });

  it("disables the endpoint (failing) when the last scheduled attempt fails", async () => {
    const { sandbox, receiver, endpointUuid } = await setup(0.000005);
    // 72 h of retries at 5e-6 take 1.3 s.
    receiver.respond(() => 503);
    await control(sandbox, "POST", "/sandbox/webhook-test", { endpointUuid });
    await waitFor(
      "endpoint disabled",
      async () => (await endpointState(sandbox, endpointUuid)).disabledReason === "failing",
      8_000,
      50,
    );
    expect(receiver.received).toHaveLength(DEFAULT_RETRY_SCHEDULE_MS.length);
    expect(await endpointState(sandbox, endpointUuid)).toMatchObject({
      disabledAt: expect.any(String),
      failingSince: expect.any(String),
    });
    // A disabled endpoint gets no new events until it is enabled again.
    const uuid = await createSession(apiClient(sandbox.url));
    await control(sandbox, "POST", `/sandbox/sessions/${uuid}/complete`, { skipConfirmation: true });
    receiver.respond(() => 200);
    await control(sandbox, "POST", `/sandbox/endpoints/${endpointUuid}/enable`);
    const other = await createSession(apiClient(sandbox.url));
    await control(sandbox, "POST", `/sandbox/sessions/${other}/complete`, { skipConfirmation: true });
    const next = await waitFor("delivery after enabling", () =>
      receiver.received.find((r) => r.event.type === "payment.completed"),
    );
    expect(next.event.data.uuid).toBe(other);
  }, 15_000); // its waits allow 8 s + 5 s: vitest's default 5 s cut it short on a loaded machine

  it("counts an answer slower than the delivery timeout as a failure and retries", async () => {
    const { sandbox, receiver, endpointUuid } = await setup(0.00001, { deliveryTimeoutMs: 150 });
    receiver.respond(async (_r, index) => {
      if (index === 0) await new Promise((r) => setTimeout(r, 400));
      return 200;
    });
    const [eventId] = (
      await control<{ events: string[] }>(sandbox, "POST", "/sandbox/webhook-test", { endpointUuid })
    ).body.events;
    const attempts = await waitFor("delivered on retry", async () => {
      const res = await apiClient(sandbox.url)<{
        deliveries: Array<{ delivered: boolean; attempts: Dict[] }>;
      }>("GET", `/v2/webhooks/events/${eventId}`);
      return res.body.deliveries[0]?.delivered ? res.body.deliveries[0].attempts : null;
    });
    expect(attempts[0]).toMatchObject({
      delivered: false,
      statusCode: null,
      error: "no answer within 150 ms",
    });
    expect(attempts[1]).toMatchObject({ delivered: true, statusCode: 200 });
  });

  it("signs with both secrets during a rotation overlap, then with the new one only", async () => {
    const { sandbox, receiver, endpointUuid } = await setup(0.001);
    const rotated = await control<{ secret: string }>(
      sandbox,
      "POST",
      `/sandbox/endpoints/${endpointUuid}/rotate-secret`,
      { overlapMs: 400_000 },
    ); // 0.4 s
    expect(rotated.body.secret).toMatch(/^whsec_/);
    await control(sandbox, "POST", "/sandbox/webhook-test", { endpointUuid });
    const during = await waitFor("delivery during overlap", () => receiver.received[0]);
    expect(String(during.headers["qbitflow-signature"]).match(/v1=/g)).toHaveLength(2);
    expect(during.verification).toBe("ok"); // old secret
    receiver.secrets.splice(0, 1, rotated.body.secret);
    await waitFor("overlap to end", () => new Promise((r) => setTimeout(() => r(true), 450)));
    await control(sandbox, "POST", "/sandbox/webhook-test", { endpointUuid });
    const after = await waitFor("delivery after overlap", () => receiver.received[1]);
    expect(String(after.headers["qbitflow-signature"]).match(/v1=/g)).toHaveLength(1);
    expect(after.verification).toBe("ok"); // new secret
  });

  it("redelivers an event on demand with the same id, and sends webhook.test", async () => {
    const { sandbox, receiver, endpointUuid } = await setup(0.001);
    const res = await control<{ events: string[] }>(sandbox, "POST", "/sandbox/webhook-test", {
      endpointUuid,
      message: "hello",
    });
    const first = await waitFor("webhook.test", () => receiver.received[0]);
    expect(first.event).toMatchObject({
      id: res.body.events[0],
      type: "webhook.test",
      data: { endpointUuid, message: "hello" },
    });
    const again = await control<{ deliveries: Array<{ attempts: Dict[] }> }>(
      sandbox,
      "POST",
      `/sandbox/events/${first.event.id}/redeliver`,
    );
    expect(again.status).toBe(200);
    expect(again.body.deliveries[0]?.attempts.at(-1)).toMatchObject({
      attempt: 2,
      delivered: true,
      manual: true,
    });
    expect(receiver.received[1]?.event.id).toBe(first.event.id);
    expect(receiver.received[1]?.body).toBe(first.body);
    expect((await control(sandbox, "POST", "/sandbox/events/evt_unknown/redeliver")).status).toBe(404);
  });
});
