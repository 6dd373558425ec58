import { describe, expect, it } from "vitest";
import { isFinal, isRefundEvent, isSettled, type OrderEvent } from "./order-events";

describe("isRefundEvent", () => {
  it("tells a refund's news from a payment's", () => {
    const facts = {
      refundId: "refund@1",
      initiatedBy: null,
      percent: null,
      amountUsd: null,
      reason: null,
      merchantMessage: null,
      at: null,
    };
    expect(isRefundEvent({ type: "refund_opened", ...facts })).toBe(true);
    expect(isRefundEvent({ type: "refund_denied", ...facts })).toBe(true);
    expect(isRefundEvent({ type: "refund_completed", ...facts, txHash: null, explorerUrl: null })).toBe(true);
    const payment: OrderEvent[] = [
      { type: "payment_sent", txHash: null },
      { type: "session_expired", message: null },
      { type: "cancelled", reason: "r" },
    ];
    for (const event of payment) expect(isRefundEvent(event)).toBe(false);
  });
});

describe("isSettled", () => {
  it("a closed order is settled, an open one is not", () => {
    expect(isSettled("EXPIRED", null)).toBe(true);
    expect(isSettled("CANCELLED", "NONE")).toBe(true);
    expect(isSettled("PENDING", null)).toBe(false);
    expect(isSettled("CONFIRMING", "NONE")).toBe(false);
  });

  it("a paid order is settled only once its refund is answered", () => {
    expect(isFinal("PAID")).toBe(true);
    for (const open of [null, "NONE", "REQUESTED", "PENDING"] as const)
      expect(isSettled("PAID", open)).toBe(false);
    expect(isSettled("PAID", "REFUNDED")).toBe(true);
    expect(isSettled("PAID", "DENIED")).toBe(true);
  });
});
