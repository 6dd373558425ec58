import { describe, expect, it } from "vitest";
import type { Refund } from "@/lib/qbitflow";
import { refundEvent, refundEventFromSummary } from "./from-qbitflow";

const created = new Date("2026-11-29T10:00:00Z");
const answered = new Date("2026-11-29T10:05:00Z");
const refund: Refund = {
  id: "refund@1",
  txUuid: "pay@1",
  status: "pending",
  initiatedBy: "merchant",
  reason: "damaged",
  merchantMessage: "Sorry",
  refundPercent: 12.5,
  amountUsd: 0.5625,
  txHash: null,
  explorerUrl: null,
  createdAt: created,
  respondedAt: null,
};
const facts = {
  refundId: "refund@1",
  initiatedBy: "merchant",
  percent: "12.5",
  amountUsd: "0.5625",
  reason: "damaged",
  merchantMessage: "Sorry",
};

describe("refundEvent", () => {
  it("a pending refund (or refund.requested) opens it, dated when it was created", () => {
    expect(refundEvent(refund)).toEqual({ type: "refund_opened", ...facts, at: created });
    expect(refundEvent({ ...refund, status: "approved" }, "refund.requested")).toEqual({
      type: "refund_opened",
      ...facts,
      at: created,
    });
  });

  it("approved (or refund.completed) completes it, with the transfer, dated by the answer", () => {
    const sent = {
      ...refund,
      status: "approved",
      txHash: "0xr",
      explorerUrl: "https://x/0xr",
      respondedAt: answered,
    };
    expect(refundEvent(sent)).toEqual({
      type: "refund_completed",
      ...facts,
      at: answered,
      txHash: "0xr",
      explorerUrl: "https://x/0xr",
    });
    expect(refundEvent(refund, "refund.completed")).toMatchObject({ type: "refund_completed", at: created });
  });

  it("rejected (or refund.denied) denies it", () => {
    expect(refundEvent({ ...refund, status: "rejected", respondedAt: answered })).toEqual({
      type: "refund_denied",
      ...facts,
      at: answered,
    });
    expect(refundEvent(refund, "refund.denied")?.type).toBe("refund_denied");
  });

  it("an unknown status says nothing we can apply; absent amounts stay absent", () => {
    expect(refundEvent({ ...refund, status: "refused" })).toBeNull();
    expect(refundEvent({ ...refund, refundPercent: null, amountUsd: null })).toMatchObject({
      percent: null,
      amountUsd: null,
    });
  });
});

describe("refundEventFromSummary", () => {
  it("reads the payment's refund summary the same way, without the texts it does not carry", () => {
    const summary = {
      id: "refund@1",
      status: "approved",
      initiatedBy: "customer",
      refundPercent: 100,
      amountUsd: 4.5,
      createdAt: created,
      respondedAt: answered,
    };
    expect(refundEventFromSummary(summary)).toEqual({
      type: "refund_completed",
      refundId: "refund@1",
      initiatedBy: "customer",
      percent: "100",
      amountUsd: "4.5",
      reason: null,
      merchantMessage: null,
      at: answered,
      txHash: null,
      explorerUrl: null,
    });
    expect(refundEventFromSummary({ ...summary, status: "pending", respondedAt: null })?.type).toBe(
      "refund_opened",
    );
  });
});
