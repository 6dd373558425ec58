import { describe, expect, it } from "vitest";
import type { RefundEvent, RefundFacts } from "./order-events";
import { decideRefund, type RefundState } from "./refund-rules";

const now = new Date("2026-11-29T12:00:00Z");
const at = new Date("2026-11-29T11:00:00Z");

const paid: RefundState = {
  status: "PAID",
  stockState: "COMMITTED",
  refundStatus: "NONE",
  refundUuid: null,
  refundRestock: false,
  refundRestocked: false,
};

const facts = (overrides: Partial<RefundFacts> = {}): RefundFacts => ({
  refundId: "refund@1",
  initiatedBy: "merchant",
  percent: "25",
  amountUsd: "1.126",
  reason: "damaged",
  merchantMessage: "Sorry!",
  at,
  ...overrides,
});
const opened = (overrides: Partial<RefundFacts> & { restock?: boolean } = {}): RefundEvent => ({
  type: "refund_opened",
  ...facts(overrides),
  ...(overrides.restock === undefined ? {} : { restock: overrides.restock }),
});
const completed = (overrides: Partial<RefundFacts> = {}): RefundEvent => ({
  type: "refund_completed",
  txHash: "0xrefund",
  explorerUrl: "https://example.com/tx/0xrefund",
  ...facts(overrides),
});
const denied = (overrides: Partial<RefundFacts> = {}): RefundEvent => ({
  type: "refund_denied",
  ...facts(overrides),
});

const state = (overrides: Partial<RefundState>): RefundState => ({
  ...paid,
  refundUuid: "refund@1",
  ...overrides,
});

describe("opening a refund", () => {
  it("NONE → PENDING when the merchant started it, with every fact QBitFlow gave", () => {
    expect(decideRefund(paid, opened(), now)).toEqual({
      refundStatus: "PENDING",
      changes: {
        refundUuid: "refund@1",
        refundInitiatedBy: "merchant",
        refundPercent: "25",
        refundAmountUsd: "1.126",
        refundReason: "damaged",
        refundMerchantMessage: "Sorry!",
        refundRequestedAt: at,
      },
      restock: false,
      review: null,
      reason: "refund refund@1 started, waiting for the merchant's signature in QBitFlow",
    });
  });

  it("NONE → REQUESTED when the customer asked, with their reason in the history", () => {
    const decision = decideRefund(paid, opened({ initiatedBy: "customer", at: null }), now);
    expect(decision?.refundStatus).toBe("REQUESTED");
    expect(decision?.changes.refundRequestedAt).toEqual(now);
    expect(decision?.reason).toBe("the customer requested a refund (refund@1): damaged");
    expect(decideRefund(paid, opened({ initiatedBy: "customer", reason: null }), now)?.reason).toBe(
      "the customer requested a refund (refund@1)",
    );
  });

  it("an unknown initiator is the merchant's (it waits for the signature either way)", () => {
    expect(decideRefund(paid, opened({ initiatedBy: null }), now)?.refundStatus).toBe("PENDING");
    expect(decideRefund(paid, opened({ initiatedBy: null }), now)?.changes).not.toHaveProperty(
      "refundInitiatedBy",
    );
  });

  it("records the merchant's restock choice, and only a true one", () => {
    expect(decideRefund(paid, opened({ restock: true }), now)?.changes.refundRestock).toBe(true);
    expect(decideRefund(paid, opened({ restock: false }), now)?.changes).not.toHaveProperty("refundRestock");
    expect(decideRefund(paid, opened(), now)?.changes).not.toHaveProperty("refundRestock");
  });

  it("keeps what the order knows when QBitFlow leaves facts out", () => {
    const sparse = opened({ percent: null, amountUsd: null, reason: null, merchantMessage: null });
    expect(decideRefund(paid, sparse, now)?.changes).toEqual({
      refundUuid: "refund@1",
      refundInitiatedBy: "merchant",
      refundRequestedAt: at,
    });
  });

  it("the same refund again changes nothing, in any open or answered state", () => {
    for (const refundStatus of ["PENDING", "REQUESTED", "REFUNDED", "DENIED"] as const) {
      expect(decideRefund(state({ refundStatus }), opened(), now)).toBeNull();
      expect(decideRefund(state({ refundStatus }), opened({ initiatedBy: "customer" }), now)).toBeNull();
    }
  });

  it("a restock asked after the webhook opened the refund is recorded, without moving the status", () => {
    expect(decideRefund(state({ refundStatus: "PENDING" }), opened({ restock: true }), now)).toEqual({
      refundStatus: "PENDING",
      changes: { refundRestock: true },
      restock: false,
      review: null,
      reason: "units to go back in stock when the refund completes",
    });
    const already = state({ refundStatus: "PENDING", refundRestock: true });
    expect(decideRefund(already, opened({ restock: true }), now)).toBeNull();
  });

  it("a restock asked after the refund completed puts the units back at once, once", () => {
    const refunded = state({ refundStatus: "REFUNDED" });
    expect(decideRefund(refunded, opened({ restock: true }), now)?.restock).toBe(true);
    const restocked = state({ refundStatus: "REFUNDED", refundRestocked: true });
    expect(decideRefund(restocked, opened({ restock: true }), now)?.restock).toBe(false);
  });

  it("another refund id for the same payment is ignored (one refund per payment)", () => {
    const withRestock = opened({ refundId: "refund@2", restock: true });
    expect(decideRefund(state({ refundStatus: "PENDING" }), withRestock, now)).toBeNull();
    expect(
      decideRefund(state({ refundStatus: "PENDING" }), opened({ refundId: "refund@2" }), now),
    ).toBeNull();
  });
});

describe("completing a refund", () => {
  it("PENDING → REFUNDED with the transfer and when it was answered", () => {
    expect(decideRefund(state({ refundStatus: "PENDING" }), completed(), now)).toEqual({
      refundStatus: "REFUNDED",
      changes: {
        refundUuid: "refund@1",
        refundInitiatedBy: "merchant",
        refundPercent: "25",
        refundAmountUsd: "1.126",
        refundReason: "damaged",
        refundMerchantMessage: "Sorry!",
        refundTxHash: "0xrefund",
        refundExplorerUrl: "https://example.com/tx/0xrefund",
        refundEndedAt: at,
      },
      restock: false,
      review: null,
      reason: "refund refund@1 sent (25%)",
    });
  });

  it("REQUESTED → REFUNDED, and a percent-less event says so plainly", () => {
    const decision = decideRefund(
      state({ refundStatus: "REQUESTED" }),
      completed({ percent: null, at: null }),
      now,
    );
    expect(decision?.refundStatus).toBe("REFUNDED");
    expect(decision?.changes.refundEndedAt).toEqual(now);
    expect(decision?.reason).toBe("refund refund@1 sent");
  });

  it("NONE → REFUNDED when every earlier event was lost, dating the request to the answer", () => {
    const decision = decideRefund(paid, completed(), now);
    expect(decision?.refundStatus).toBe("REFUNDED");
    expect(decision?.changes.refundRequestedAt).toEqual(at);
    expect(decideRefund(paid, completed({ at: null }), now)?.changes.refundRequestedAt).toEqual(now);
    expect(decideRefund(state({ refundStatus: "PENDING" }), completed(), now)?.changes).not.toHaveProperty(
      "refundRequestedAt",
    );
  });

  it("a repeated completion changes nothing", () => {
    expect(decideRefund(state({ refundStatus: "REFUNDED" }), completed(), now)).toBeNull();
  });

  it("puts the units back once: only when asked, not yet done, and the sale had taken them", () => {
    const asked = state({ refundStatus: "PENDING", refundRestock: true });
    expect(decideRefund(asked, completed(), now)?.restock).toBe(true);
    expect(decideRefund({ ...asked, refundRestocked: true }, completed(), now)?.restock).toBe(false);
    expect(decideRefund({ ...asked, stockState: "RELEASED" }, completed(), now)?.restock).toBe(false);
    expect(decideRefund({ ...asked, refundRestock: false }, completed(), now)?.restock).toBe(false);
  });

  it("money sent after a denial is recorded, flagged for review", () => {
    const decision = decideRefund(state({ refundStatus: "DENIED" }), completed(), now);
    expect(decision?.refundStatus).toBe("REFUNDED");
    expect(decision?.review).toBe("a refund completed after it had been denied");
  });

  it("money sent by another refund id is recorded, flagged for review", () => {
    const decision = decideRefund(
      state({ refundStatus: "PENDING" }),
      completed({ refundId: "refund@2" }),
      now,
    );
    expect(decision?.refundStatus).toBe("REFUNDED");
    expect(decision?.review).toBe("refund refund@2 completed, not the order's refund refund@1");
    const both = decideRefund(state({ refundStatus: "DENIED" }), completed({ refundId: "refund@2" }), now);
    expect(both?.review).toBe(
      "a refund completed after it had been denied; refund refund@2 completed, not the order's refund refund@1",
    );
  });
});

describe("denying a refund", () => {
  it("PENDING or REQUESTED → DENIED, dated by QBitFlow's answer", () => {
    for (const refundStatus of ["PENDING", "REQUESTED"] as const) {
      expect(decideRefund(state({ refundStatus }), denied(), now)).toEqual({
        refundStatus: "DENIED",
        changes: {
          refundUuid: "refund@1",
          refundInitiatedBy: "merchant",
          refundPercent: "25",
          refundAmountUsd: "1.126",
          refundReason: "damaged",
          refundMerchantMessage: "Sorry!",
          refundEndedAt: at,
        },
        restock: false,
        review: null,
        reason: "refund refund@1 denied: no money was sent",
      });
    }
    expect(decideRefund(paid, denied({ at: null }), now)?.changes.refundEndedAt).toEqual(now);
  });

  it("a late denial changes nothing: after completion, after a denial, or of another refund", () => {
    expect(decideRefund(state({ refundStatus: "REFUNDED" }), denied(), now)).toBeNull();
    expect(decideRefund(state({ refundStatus: "DENIED" }), denied(), now)).toBeNull();
    expect(
      decideRefund(state({ refundStatus: "PENDING" }), denied({ refundId: "refund@2" }), now),
    ).toBeNull();
  });
});

describe("orders that are not paid", () => {
  it("a refund event for an unpaid order is not recorded", () => {
    for (const status of ["PENDING", "CONFIRMING", "EXPIRED", "CANCELLED"] as const) {
      for (const event of [opened(), completed(), denied()]) {
        expect(decideRefund({ ...paid, status }, event, now)).toBeNull();
      }
    }
  });

  it("uses the current time when none is given", () => {
    const before = Date.now();
    const when = decideRefund(paid, opened({ at: null }))?.changes.refundRequestedAt;
    expect(when?.getTime()).toBeGreaterThanOrEqual(before);
  });
});
