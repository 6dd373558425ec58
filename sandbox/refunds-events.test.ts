/**
 * The merchant's signature step and the customer's request (spec §12): each emits its `refund.*`
 * event in the v2 envelope, signed and delivered like payment events, faults included.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SANDBOX_DEFAULT_WEBHOOK_SECRET } from "./defaults";
import type { RunningSandbox } from "./server";
import {
  apiClient,
  control,
  startReceiver,
  startTestSandbox,
  waitFor,
  type Call,
  type Dict,
  type ErrorBody,
  type Received,
  type Receiver,
} from "./test/helpers";
import { customerRequest, initiate, paidPayment, refundAction, type RefundPage } from "./test/refund-helpers";

const API_ONLY = ["approval", "productName", "customer"];

let sandbox: RunningSandbox;
let call: Call;
let receiver: Receiver;
let endpointUuid: string;

beforeAll(async () => {
  receiver = await startReceiver([SANDBOX_DEFAULT_WEBHOOK_SECRET]);
  // 1e-3: a dropped first attempt is retried 5 ms later, the next 300 ms later; sessions live 3.6 s.
  sandbox = await startTestSandbox({
    timeScale: 0.001,
    webhookEndpoints: [{ url: receiver.url, secret: SANDBOX_DEFAULT_WEBHOOK_SECRET }],
  });
  endpointUuid = sandbox.endpoints[0]?.uuid ?? "";
  call = apiClient(sandbox.url);
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});
beforeEach(async () => {
  await control(sandbox, "DELETE", `/sandbox/endpoints/${endpointUuid}/faults`);
  await control(sandbox, "POST", `/sandbox/endpoints/${endpointUuid}/enable`);
  receiver.respond((r) => (r.verification === "ok" ? 200 : 400));
});

const refundEvent = (type: string, refundUuid: string) =>
  waitFor(`${type} for ${refundUuid}`, () =>
    receiver.received.find((r) => r.event.type === type && r.event.data.uuid === refundUuid),
  );

function expectSignedEnvelope(got: Received, type: string): void {
  expect(got.verification).toBe("ok");
  expect(got.headers["qbitflow-event-type"]).toBe(type);
  expect(got.headers["qbitflow-event-id"]).toBe(got.event.id);
  expect(got.headers["qbitflow-webhook-version"]).toBe("v2");
  expect(got.event).toMatchObject({ type, version: "v2", test: true });
  expect(got.event.id).toMatch(/^evt_/);
  for (const field of API_ONLY) expect(got.event.data).not.toHaveProperty(field);
}

describe("merchant-initiated refund", () => {
  it("emits refund.requested with initiatedBy merchant, then refund.completed when signed", async () => {
    const txUuid = await paidPayment(sandbox, call);
    const refund = (await initiate(call, { txUuid, refundPercent: 50, reason: "damaged" })).body;

    const requested = await refundEvent("refund.requested", refund.uuid);
    expectSignedEnvelope(requested, "refund.requested");
    expect(requested.event.data).toMatchObject({
      status: "pending",
      initiatedBy: "merchant",
      reason: "damaged",
      amountMinUnits: "2252100",
      txHash: "",
    });

    const signed = await refundAction(sandbox, "sign", refund.uuid);
    expect(signed.status).toBe(200);
    expect(signed.body.refund).toMatchObject({ status: "approved", chain: "BASE" });
    expect(signed.body.refund.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(signed.body.refund.explorerUrl).toBe(
      `https://sepolia.basescan.org/tx/${signed.body.refund.txHash}`,
    );
    expect(signed.body.refund.respondedAt).not.toBeNull();
    expect(signed.body.refund.metadata).toMatchObject({
      blockData: { number: expect.any(String) as unknown },
    });

    const completed = await refundEvent("refund.completed", refund.uuid);
    expectSignedEnvelope(completed, "refund.completed");
    const { approval: _a, productName: _p, customer: _c, ...eventShape } = signed.body.refund;
    expect(completed.event.data).toEqual(eventShape);
  });

  it("denied: rejected with the merchant's message, refund.denied", async () => {
    const txUuid = await paidPayment(sandbox, call);
    const refund = (await initiate(call, { txUuid })).body;
    const denied = await refundAction(sandbox, "deny", refund.uuid, {
      merchantMessage: "Outside the window",
    });
    expect(denied.body.refund).toMatchObject({
      status: "rejected",
      merchantMessage: "Outside the window",
      txHash: "",
    });
    const event = await refundEvent("refund.denied", refund.uuid);
    expectSignedEnvelope(event, "refund.denied");
    expect(event.event.data).toMatchObject({
      status: "rejected",
      respondedAt: denied.body.refund.respondedAt,
    });
  });

  it("answers an already answered refund with 409 and sends nothing more", async () => {
    const txUuid = await paidPayment(sandbox, call);
    const refund = (await initiate(call, { txUuid })).body;
    await refundAction(sandbox, "sign", refund.uuid);
    const again = await control<ErrorBody>(sandbox, "POST", `/sandbox/refunds/${refund.uuid}/deny`);
    expect(again.status).toBe(409);
    expect((await refundAction(sandbox, "sign", refund.uuid)).status).toBe(409);
    const unknown = await control<ErrorBody>(sandbox, "POST", "/sandbox/refunds/refund@nope/sign");
    expect(unknown.status).toBe(404);
    await refundEvent("refund.completed", refund.uuid);
    expect(
      receiver.received.filter((r) => r.event.data.uuid === refund.uuid).map((r) => r.event.type),
    ).toEqual(["refund.requested", "refund.completed"]);
  });
});

describe("customer request", () => {
  it("emits refund.requested with initiatedBy customer and shows in the pending list", async () => {
    const txUuid = await paidPayment(sandbox, call);
    const res = await customerRequest(sandbox, txUuid, { reason: "Never arrived" });
    expect(res.status).toBe(201);
    expect(res.body.refund).toMatchObject({
      status: "pending",
      initiatedBy: "customer",
      reason: "Never arrived",
      refundPercent: 100,
      amountMinUnits: "4504200",
    });
    const event = await refundEvent("refund.requested", res.body.refund.uuid);
    expectSignedEnvelope(event, "refund.requested");
    expect(event.event.data).toMatchObject({ initiatedBy: "customer", txUuid });

    const pending = await call<RefundPage>("GET", "/v2/transaction/refunds/all?limit=100");
    expect(pending.body.items.map((r) => r.uuid)).toContain(res.body.refund.uuid);
    // The merchant then answers it like one of their own.
    await refundAction(sandbox, "sign", res.body.refund.uuid);
    expect((await refundEvent("refund.completed", res.body.refund.uuid)).event.data.initiatedBy).toBe(
      "customer",
    );
  });

  it("is refused like initiate: a second request, an unpaid checkout, bad input", async () => {
    const txUuid = await paidPayment(sandbox, call);
    await customerRequest(sandbox, txUuid);
    const second = await control<ErrorBody>(
      sandbox,
      "POST",
      `/sandbox/payments/${txUuid}/request-refund`,
      {},
    );
    expect(second.status).toBe(409);
    expect(second.body.code).toBe("refund_already_exists");
    const other = await paidPayment(sandbox, call);
    const bad = await control<ErrorBody>(sandbox, "POST", `/sandbox/payments/${other}/request-refund`, {
      reason: "x".repeat(501),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.errors?.[0]?.field).toBe("reason");
  });
});

describe("faults apply to refund events", () => {
  it("dropNext: a dropped refund.completed is retried with the same event id", async () => {
    const txUuid = await paidPayment(sandbox, call);
    const refund = (await initiate(call, { txUuid })).body;
    await refundEvent("refund.requested", refund.uuid);
    await control(sandbox, "POST", `/sandbox/endpoints/${endpointUuid}/faults`, { dropNext: 2 });
    await refundAction(sandbox, "sign", refund.uuid);
    const got = await refundEvent("refund.completed", refund.uuid);
    const attempts = await waitFor("three attempts", async () => {
      const state = await control<{ events: Array<{ id: string; deliveries: Array<{ attempts: Dict[] }> }> }>(
        sandbox,
        "GET",
        "/sandbox/state",
      );
      const list = state.body.events.find((e) => e.id === got.event.id)?.deliveries[0]?.attempts ?? [];
      return list.length === 3 ? list : null;
    });
    expect(attempts.map((a) => a.fault ?? null)).toEqual(["dropNext", "dropNext", null]);
  });

  it("every delivery dropped: the refund still ends approved in the API (what a sweep reads)", async () => {
    const txUuid = await paidPayment(sandbox, call);
    const refund = (await initiate(call, { txUuid })).body;
    await refundEvent("refund.requested", refund.uuid);
    await control(sandbox, "POST", `/sandbox/endpoints/${endpointUuid}/faults`, { dropNext: 1000 });
    await refundAction(sandbox, "sign", refund.uuid);
    const inactive = await call<RefundPage>("GET", "/v2/transaction/refunds/all/inactive?limit=100");
    expect(inactive.body.items.find((r) => r.uuid === refund.uuid)?.status).toBe("approved");
    const read = await call<Dict>("GET", `/v2/transaction/payment/${txUuid}`);
    expect(read.body.refund).toMatchObject({ uuid: refund.uuid, status: "approved" });
    // Several scheduled attempts go by (each dropped) and none reaches the receiver.
    await waitFor("dropped attempts", async () => {
      const state = await control<{ endpoints: Array<{ uuid: string; faults: { dropNext: number } }> }>(
        sandbox,
        "GET",
        "/sandbox/state",
      );
      return (state.body.endpoints.find((e) => e.uuid === endpointUuid)?.faults.dropNext ?? 1000) <= 997;
    });
    expect(
      receiver.received.some((r) => r.event.type === "refund.completed" && r.event.data.uuid === refund.uuid),
    ).toBe(false);
  });
});
