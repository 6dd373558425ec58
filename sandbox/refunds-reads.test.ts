/** Reading refunds (spec §12): the Payment read's refund fields and the pending / inactive lists. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "./server";
import { apiClient, LIVE_KEY, startTestSandbox, type Call, type Dict, type ErrorBody } from "./test/helpers";
import { initiate, paidPayment, refundAction, type RefundPage } from "./test/refund-helpers";

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

describe("the Payment read", () => {
  it("carries refund, refundable and notRefundableReason through the refund's life", async () => {
    const txUuid = await paidPayment(sandbox, call, { session: { reference: `ref-${crypto.randomUUID()}` } });
    const before = await payment(txUuid);
    expect(before).toMatchObject({ refund: null, refundable: true, notRefundableReason: null });

    const refund = (await initiate(call, { txUuid, refundPercent: 50 })).body;
    const summary = {
      uuid: refund.uuid,
      status: "pending",
      initiatedBy: "merchant",
      refundPercent: 50,
      amountMinUnits: "2252100",
      amountUsd: 2.2521,
      createdAt: refund.createdAt,
      respondedAt: null,
    };
    expect(await payment(txUuid)).toMatchObject({
      refund: summary,
      refundable: false,
      notRefundableReason: "refundExists",
    });
    const byReference = await call<Dict>(
      "GET",
      `/v2/transaction/payment/reference/${String(before.reference)}`,
    );
    expect(byReference.body.refund).toEqual(summary);

    const signed = (await refundAction(sandbox, "sign", refund.uuid)).body.refund;
    expect((await payment(txUuid)).refund).toEqual({
      ...summary,
      status: "approved",
      respondedAt: signed.respondedAt,
    });
  });
});

describe("lists", () => {
  it("/all holds the pending refunds, /all/inactive the answered ones, newest first, in cursor pages", async () => {
    const isolated = await startTestSandbox();
    const api = apiClient(isolated.url);
    try {
      const refunds = [];
      for (let i = 0; i < 4; i++) {
        const txUuid = await paidPayment(isolated, api);
        refunds.push((await initiate(api, { txUuid, refundPercent: 10 + i })).body);
      }
      const [a, b, c, d] = refunds.map((r) => r.uuid);
      await refundAction(isolated, "sign", a as string);
      await refundAction(isolated, "deny", c as string);

      const active = await api<RefundPage>("GET", "/v2/transaction/refunds/all");
      expect(active.status).toBe(200);
      expect(active.body.items.map((r) => r.uuid)).toEqual([d, b]);
      expect(active.body.nextCursor).toBeNull();
      expect(active.body.items[0]).toMatchObject({ status: "pending", productName: "Pro plan (lifetime)" });

      const inactive = await api<RefundPage>("GET", "/v2/transaction/refunds/all/inactive?limit=1");
      expect(inactive.body.items.map((r) => [r.uuid, r.status])).toEqual([[c, "rejected"]]);
      expect(inactive.body.nextCursor).toBe(c);
      const next = await api<RefundPage>(
        "GET",
        `/v2/transaction/refunds/all/inactive?limit=1&cursor=${encodeURIComponent(String(c))}`,
      );
      expect(next.body.items.map((r) => [r.uuid, r.status])).toEqual([[a, "approved"]]);
      expect(next.body.nextCursor).toBeNull();

      // Each mode is its own space.
      const live = await apiClient(isolated.url, LIVE_KEY)<RefundPage>("GET", "/v2/transaction/refunds/all");
      expect(live.body.items).toEqual([]);
      expect((await api<ErrorBody>("GET", "/v2/transaction/refunds/all?limit=0")).status).toBe(400);
      expect((await api<ErrorBody>("GET", "/v2/transaction/refunds/all?cursor=refund@nope")).status).toBe(
        400,
      );
    } finally {
      await isolated.close();
    }
  });

  it("needs the API key", async () => {
    const res = await apiClient(sandbox.url, "")<ErrorBody>("GET", "/v2/transaction/refunds/all");
    expect(res.status).toBe(401);
  });
});
