/** Per-endpoint delivery faults of the control API, each observed from a real receiver. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "./server";
import { control, startReceiver, startTestSandbox, waitFor, type Dict, type Receiver } from "./test/helpers";

const SECRET = "whsec_faults_secret";
let sandbox: RunningSandbox;
let receiver: Receiver;
let endpointUuid: string;

beforeAll(async () => {
  receiver = await startReceiver([SECRET]);
  // 1e-5: the whole retry schedule fits in 2.6 s; the first retries come within a few ms.
  sandbox = await startTestSandbox({
    timeScale: 0.00001,
    outOfOrderWindowMs: 150,
    webhookEndpoints: [{ url: receiver.url, secret: SECRET }],
  });
  endpointUuid = sandbox.endpoints[0]?.uuid ?? "";
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});
beforeEach(async () => {
  await control(sandbox, "DELETE", `/sandbox/endpoints/${endpointUuid}/faults`);
  await control(sandbox, "POST", `/sandbox/endpoints/${endpointUuid}/enable`);
  receiver.received.length = 0;
  // A real receiver: 2xx only for a delivery whose signature verifies.
  receiver.respond((r) => (r.verification === "ok" ? 200 : 400));
});

async function faults(body: Dict): Promise<void> {
  const res = await control(sandbox, "POST", `/sandbox/endpoints/${endpointUuid}/faults`, body);
  expect(res.status).toBe(200);
}

async function sendTest(): Promise<string> {
  const res = await control<{ events: string[] }>(sandbox, "POST", "/sandbox/webhook-test", { endpointUuid });
  return res.body.events[0] ?? "";
}

async function attemptsOf(eventId: string): Promise<Dict[]> {
  const res = await control<{ events: Array<{ id: string; deliveries: Array<{ attempts: Dict[] }> }> }>(
    sandbox,
    "GET",
    "/sandbox/state",
  );
  return res.body.events.find((e) => e.id === eventId)?.deliveries[0]?.attempts ?? [];
}

describe("faults", () => {
  it("dropNext: the next N attempts never reach the endpoint and are retried", async () => {
    await faults({ dropNext: 2 });
    const eventId = await sendTest();
    const got = await waitFor("third attempt", () => receiver.received[0]);
    expect(got.event.id).toBe(eventId);
    const attempts = await waitFor("attempts logged", async () =>
      (await attemptsOf(eventId)).length === 3 ? attemptsOf(eventId) : null,
    );
    expect(attempts.map((a) => a.fault ?? null)).toEqual(["dropNext", "dropNext", null]);
    expect(attempts.map((a) => a.statusCode)).toEqual([null, null, 200]);
    const state = await control<{ endpoints: Array<{ faults: { dropNext: number } }> }>(
      sandbox,
      "GET",
      "/sandbox/state",
    );
    expect(state.body.endpoints[0]?.faults.dropNext).toBe(0);
  });

  it("duplicate: each delivery arrives twice with the same event id and body", async () => {
    await faults({ duplicate: true });
    const eventId = await sendTest();
    await waitFor("two copies", () => receiver.received.length === 2);
    expect(receiver.received.map((r) => r.event.id)).toEqual([eventId, eventId]);
    expect(receiver.received[0]?.body).toBe(receiver.received[1]?.body);
    expect(receiver.received.every((r) => r.verification === "ok")).toBe(true);
  });

  it("delayMs: deliveries leave late", async () => {
    await faults({ delayMs: 300 });
    const sent = Date.now();
    await sendTest();
    const got = await waitFor("delayed delivery", () => receiver.received[0]);
    expect(got.receivedAt - sent).toBeGreaterThanOrEqual(290);
  });

  it("outOfOrder: deliveries held back together arrive newest first", async () => {
    await faults({ outOfOrder: true });
    const older = await sendTest();
    const newer = await sendTest();
    await waitFor("both deliveries", () => receiver.received.length === 2);
    expect(receiver.received.map((r) => r.event.id)).toEqual([newer, older]);
  });

  it("corruptSignature: receivers reject it; the retries succeed once the fault is cleared", async () => {
    await faults({ corruptSignature: true });
    const eventId = await sendTest();
    await waitFor("a rejected delivery", () => receiver.received[0]);
    expect(receiver.received[0]?.verification).toBe("noMatchingSignature");
    await control(sandbox, "POST", `/sandbox/endpoints/${endpointUuid}/faults`, { clear: true });
    const good = await waitFor("a verified retry", () =>
      receiver.received.find((r) => r.verification === "ok"),
    );
    expect(good.event.id).toBe(eventId);
  });

  it("staleTimestamp: the signature is valid but outside the 300 s tolerance", async () => {
    await faults({ staleTimestamp: true });
    await sendTest();
    const got = await waitFor("stale delivery", () => receiver.received[0]);
    expect(got.verification).toBe("timestampOutsideTolerance");
    const t = Number(/t=(\d+)/.exec(String(got.headers["qbitflow-signature"]))?.[1]);
    expect(Math.floor(Date.now() / 1000) - t).toBeGreaterThan(300);
    // Let the retries succeed so nothing keeps failing into the next test.
    await control(sandbox, "DELETE", `/sandbox/endpoints/${endpointUuid}/faults`);
    await waitFor("a verified retry", () => receiver.received.find((r) => r.verification === "ok"));
  });

  it("validates fault settings and 404s unknown endpoints", async () => {
    expect(
      (await control(sandbox, "POST", `/sandbox/endpoints/${endpointUuid}/faults`, { dropNext: -1 })).status,
    ).toBe(400);
    expect(
      (await control(sandbox, "POST", "/sandbox/endpoints/nope/faults", { duplicate: true })).status,
    ).toBe(404);
  });
});
