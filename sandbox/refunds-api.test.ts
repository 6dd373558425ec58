/** `POST /v2/transaction/refunds/initiate` (spec §6, §12): the Refund, validation, conflicts, idempotency. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "./server";
import {
  apiClient,
  control,
  createSession,
  LIVE_KEY,
  startTestSandbox,
  type Call,
  type Dict,
  type ErrorBody,
} from "./test/helpers";
import { initiate, paidPayment, refundAction } from "./test/refund-helpers";

let sandbox: RunningSandbox;
let call: Call;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  call = apiClient(sandbox.url);
});
afterAll(async () => {
  await sandbox.close();
});

const payment = async (uuid: string) => (await call<Dict>("GET", `/v2/transaction/payment/${uuid}`)).body;

describe("initiate", () => {
  it("refunds in full by default: a pending Refund with every field of spec §12", async () => {
    const txUuid = await paidPayment(sandbox, call);
    const res = await initiate(call, { txUuid, reason: "Changed my mind", merchantMessage: "Sorry!" });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      uuid: expect.stringMatching(/^refund@[0-9a-f-]{36}$/) as unknown,
      txUuid,
      reason: "Changed my mind",
      status: "pending",
      createdAt: expect.any(String) as unknown,
      respondedAt: null,
      merchantMessage: "Sorry!",
      test: true,
      userUuid: null,
      txHash: "",
      chain: "",
      explorerUrl: "",
      initiatedBy: "merchant",
      held: false,
      paidMinUnits: "4504200",
      paidUsd: 4.5042,
      refundPercent: 100,
      amountMinUnits: "4504200",
      amountUsd: 4.5042,
      currencyId: 8,
      metadata: null,
      approval: null,
      productName: "Pro plan (lifetime)",
      customer: null,
    });
  });

  it("refunds a share, computed from paidMinUnits / paidUsd exactly", async () => {
    const txUuid = await paidPayment(sandbox, call);
    const res = await initiate(call, { txUuid, refundPercent: 33.33 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      refundPercent: 33.33,
      amountMinUnits: "1501249",
      amountUsd: 1.501249,
      reason: "",
      merchantMessage: "",
    });
  });

  it("keeps 18-decimal token amounts exact", async () => {
    const txUuid = await paidPayment(sandbox, call, { currencyId: 3 });
    const paid = await payment(txUuid);
    const res = await initiate(call, { txUuid, refundPercent: 50 });
    expect(res.body.paidMinUnits).toBe(paid.paidMinUnits);
    const paidUnits = BigInt(String(paid.paidMinUnits));
    expect(paidUnits > BigInt(Number.MAX_SAFE_INTEGER) / 10n).toBe(true);
    expect(BigInt(res.body.amountMinUnits)).toBe(paidUnits / 2n);
  });

  it("accepts the bare uuid and %40 for the payment id", async () => {
    const txUuid = await paidPayment(sandbox, call);
    const res = await initiate(call, { txUuid: txUuid.slice("pay@".length) });
    expect(res.status).toBe(201);
    expect(res.body.txUuid).toBe(txUuid);
  });

  it.each([
    [{ refundPercent: 0 }, "refundPercent"],
    [{ refundPercent: 100.001 }, "refundPercent"],
    [{ refundPercent: 33.333 }, "refundPercent"],
    [{ refundPercent: -5 }, "refundPercent"],
    [{ refundPercent: "50" }, "refundPercent"],
    [{ reason: "x".repeat(501) }, "reason"],
    [{ merchantMessage: "x".repeat(501) }, "merchantMessage"],
    [{ txUuid: undefined }, "txUuid"],
  ])("refuses %j with 400 validation_failed on %s, storing nothing", async (extra, field) => {
    const txUuid = await paidPayment(sandbox, call);
    const res = await call<ErrorBody>("POST", "/v2/transaction/refunds/initiate", { txUuid, ...extra });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("validation_failed");
    expect(res.body.details.errors?.map((e) => e.field)).toEqual([field]);
    expect(res.body.requestId).toBeTruthy();
    expect((await payment(txUuid)).refundable).toBe(true);
  });

  it("accepts reason and merchantMessage of exactly 500 characters", async () => {
    const txUuid = await paidPayment(sandbox, call);
    const res = await initiate(call, { txUuid, reason: "r".repeat(500), merchantMessage: "m".repeat(500) });
    expect(res.status).toBe(201);
  });

  it("is 404 for an unknown transaction and for another mode's payment", async () => {
    const unknown = await initiate(call, { txUuid: "pay@00000000-0000-4000-8000-000000000000" });
    expect(unknown.status).toBe(404);
    expect((unknown.body as unknown as ErrorBody).code).toBe("not_found");
    const txUuid = await paidPayment(sandbox, call);
    const live = await initiate(apiClient(sandbox.url, LIVE_KEY), { txUuid });
    expect(live.status).toBe(404);
  });

  it("is 409 refund_already_exists with details.refundUuid the second time", async () => {
    const txUuid = await paidPayment(sandbox, call);
    const first = await initiate(call, { txUuid, refundPercent: 10 });
    const second = await call<ErrorBody & { details: { refundUuid: string } }>(
      "POST",
      "/v2/transaction/refunds/initiate",
      { txUuid, refundPercent: 20 },
    );
    expect(second.status).toBe(409);
    expect(second.body.code).toBe("refund_already_exists");
    expect(second.body.details.refundUuid).toBe(first.body.uuid);
    // Still so once the first one was denied: one refund per payment.
    await refundAction(sandbox, "deny", first.body.uuid);
    expect((await initiate(call, { txUuid })).status).toBe(409);
  });

  it("is 409 for a checkout that was never paid (sandbox-defined: reason notCompleted)", async () => {
    const open = await createSession(call);
    const res = await call<ErrorBody>("POST", "/v2/transaction/refunds/initiate", { txUuid: open });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("conflict");
    expect(res.body.details.reason).toBe("notCompleted");
    await control(sandbox, "POST", `/sandbox/sessions/${open}/expire`);
    expect((await initiate(call, { txUuid: open })).status).toBe(409);
  });

  it("is 409 held_funds_released once the held funds were released", async () => {
    const txUuid = await paidPayment(sandbox, call);
    await control(sandbox, "POST", `/sandbox/payments/${txUuid}/release-held-funds`);
    const res = await call<ErrorBody>("POST", "/v2/transaction/refunds/initiate", { txUuid });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("held_funds_released");
    expect(await payment(txUuid)).toMatchObject({
      refund: null,
      refundable: false,
      notRefundableReason: "heldFundsReleased",
    });
  });
});

describe("Idempotency-Key", () => {
  it("replays the same answer for the same key and body, creating one refund and one event", async () => {
    const txUuid = await paidPayment(sandbox, call);
    const key = { "Idempotency-Key": `refund-${txUuid}` };
    const first = await initiate(call, { txUuid, refundPercent: 25, reason: "late" }, key);
    const again = await initiate(call, { reason: "late", refundPercent: 25, txUuid }, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const events = await call<{ items: Array<{ type: string; data: Dict }> }>(
      "GET",
      "/v2/webhooks/events?type=refund.requested&limit=100",
    );
    expect(events.body.items.filter((e) => e.data.txUuid === txUuid)).toHaveLength(1);
  });

  it("answers 422 idempotency_key_reused for the same key with another body", async () => {
    const txUuid = await paidPayment(sandbox, call);
    const key = { "Idempotency-Key": `refund-reuse-${txUuid}` };
    await initiate(call, { txUuid, refundPercent: 25 }, key);
    const res = await call<ErrorBody>(
      "POST",
      "/v2/transaction/refunds/initiate",
      { txUuid, refundPercent: 30 },
      key,
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("idempotency_key_reused");
  });

  it("runs the request again after a 4xx with the same key", async () => {
    const txUuid = await paidPayment(sandbox, call);
    const key = { "Idempotency-Key": `refund-retry-${txUuid}` };
    expect((await initiate(call, { txUuid, refundPercent: 0 }, key)).status).toBe(400);
    expect((await initiate(call, { txUuid, refundPercent: 40 }, key)).status).toBe(201);
  });
});
