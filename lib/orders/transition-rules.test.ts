import { describe, expect, it } from "vitest";
import type { OrderEvent } from "./order-events";
import { decide, type OrderState } from "./transition-rules";

const now = new Date("2026-11-28T12:00:00Z");
const pending: OrderState = {
  status: "PENDING",
  stockState: "RESERVED",
  totalCents: 399,
  txHash: null,
  lastAttemptCode: null,
  lastAttemptAt: null,
  qbitflowSessionId: "pay@1",
};
const paid = (overrides: Partial<Extract<OrderEvent, { type: "payment_completed" }>> = {}): OrderEvent => ({
  type: "payment_completed",
  sessionId: "pay@1",
  amountCents: 399,
  paidUsd: "3.9942",
  txHash: "0xabc",
  explorerUrl: "https://sepolia.basescan.org/tx/0xabc",
  chain: "BASE",
  currencySymbol: "USDC",
  confirmedAt: new Date("2026-11-28T11:59:00Z"),
  ...overrides,
});
const expired: OrderEvent = { type: "session_expired", message: null };
const sent: OrderEvent = { type: "payment_sent", txHash: "0xabc" };
const cancelled: OrderEvent = { type: "cancelled", reason: "cancelled by the customer" };
const failedStart: OrderEvent = { type: "start_failed", code: "merchant_not_ready", message: "no wallet" };
const attempt: OrderEvent = {
  type: "attempt_failed",
  code: "insufficient_funds",
  message: "Not enough USDC",
  txHash: null,
  at: new Date("2026-11-28T11:58:00Z"),
};

describe("refund events", () => {
  it("never move the order's status: refund-rules.ts decides them", () => {
    const facts = {
      refundId: "refund@1",
      initiatedBy: "merchant",
      percent: "100",
      amountUsd: "3.99",
      reason: null,
      merchantMessage: null,
      at: null,
    };
    const paidOrder: OrderState = { ...pending, status: "PAID", stockState: "COMMITTED" };
    for (const event of [
      { type: "refund_opened", ...facts },
      { type: "refund_completed", ...facts, txHash: "0xr", explorerUrl: null },
      { type: "refund_denied", ...facts },
    ] as OrderEvent[]) {
      expect(decide(paidOrder, event, now)).toBeNull();
      expect(decide(pending, event, now)).toBeNull();
    }
  });
});

describe("forward moves", () => {
  it("PENDING → CONFIRMING when the transaction is sent", () => {
    expect(decide(pending, sent, now)).toMatchObject({
      status: "CONFIRMING",
      changes: { txHash: "0xabc" },
      stock: null,
    });
  });

  it.each(["PENDING", "CONFIRMING"] as const)(
    "%s → PAID commits the stock and records the payment",
    (status) => {
      expect(decide({ ...pending, status }, paid(), now)).toEqual({
        status: "PAID",
        changes: {
          txHash: "0xabc",
          explorerUrl: "https://sepolia.basescan.org/tx/0xabc",
          chain: "BASE",
          currencySymbol: "USDC",
          amountPaidUsd: "3.9942",
          paidAt: new Date("2026-11-28T11:59:00Z"),
        },
        stock: "commit",
        review: null,
        reason: "payment confirmed",
      });
    },
  );

  it.each(["PENDING", "CONFIRMING"] as const)("%s → EXPIRED releases the stock", (status) => {
    expect(decide({ ...pending, status }, expired, now)).toMatchObject({
      status: "EXPIRED",
      stock: "release",
    });
  });

  it("PENDING → CANCELLED releases the stock, for a customer cancel or a failed start", () => {
    expect(decide(pending, cancelled, now)).toMatchObject({ status: "CANCELLED", stock: "release" });
    expect(decide(pending, failedStart, now)).toMatchObject({
      status: "CANCELLED",
      stock: "release",
      changes: { startErrorCode: "merchant_not_ready", startErrorMessage: "no wallet" },
    });
  });
});

describe("never backwards, never twice", () => {
  const finals = ["PAID", "EXPIRED", "CANCELLED"] as const;

  it.each(finals)(
    "a final %s order ignores sent, expired, cancelled, failed starts and attempts",
    (status) => {
      for (const event of [sent, expired, cancelled, failedStart, attempt]) {
        expect(decide({ ...pending, status }, event, now)).toBeNull();
      }
    },
  );

  it("CONFIRMING ignores another 'sent' and a failed start", () => {
    expect(decide({ ...pending, status: "CONFIRMING" }, sent, now)).toBeNull();
    expect(decide({ ...pending, status: "CONFIRMING" }, failedStart, now)).toBeNull();
  });

  it("a paid order ignores the same payment again", () => {
    expect(
      decide({ ...pending, status: "PAID", stockState: "COMMITTED", txHash: "0xabc" }, paid(), now),
    ).toBeNull();
  });
});

describe("the history line of each change", () => {
  it.each([
    [failedStart, "checkout could not start: merchant_not_ready"],
    [sent, "transaction sent, waiting for confirmation"],
    [expired, "checkout expired unpaid"],
    [{ type: "session_expired", message: "timed out" } as const, "timed out"],
    [cancelled, "cancelled by the customer"],
  ])("%j → %s", (event, reason) => {
    expect(decide(pending, event, now)?.reason).toBe(reason);
  });

  it("a second payment", () => {
    const decision = decide({ ...pending, status: "PAID", txHash: "0xabc" }, paid({ txHash: "0xdef" }), now);
    expect(decision?.reason).toBe("second payment received");
  });
});

describe("money is never ignored", () => {
  it("every problem with a payment is named in the review, joined by '; '", () => {
    const decision = decide({ ...pending, status: "EXPIRED" }, paid({ amountCents: 299 }), now);
    expect(decision?.review).toBe(
      "payment arrived after the order was expired; its stock had been released; paid $2.99 for an order of $3.99",
    );
  });

  it.each(["EXPIRED", "CANCELLED"] as const)("a payment for a %s order makes it PAID, flagged", (status) => {
    const decision = decide({ ...pending, status, stockState: "RELEASED" }, paid(), now);
    expect(decision).toMatchObject({ status: "PAID", stock: null });
    expect(decision?.review).toMatch(new RegExp(`after the order was ${status.toLowerCase()}`));
  });

  it("a payment of the wrong amount is PAID and flagged", () => {
    const decision = decide(pending, paid({ amountCents: 299 }), now);
    expect(decision).toMatchObject({ status: "PAID", stock: "commit" });
    expect(decision?.review).toBe("paid $2.99 for an order of $3.99");
  });

  it("a payment through another session than the order's is PAID and flagged", () => {
    const decision = decide(pending, paid({ sessionId: "pay@2" }), now);
    expect(decision).toMatchObject({ status: "PAID", stock: "commit" });
    expect(decision?.review).toBe("paid through session pay@2, not the order's session pay@1");
  });

  it("a payment that does not say its amount is PAID and flagged", () => {
    expect(decide(pending, paid({ amountCents: null }), now)?.review).toMatch(/did not say its amount/);
  });

  it("a repeated payment is not a second one when either side has no transaction hash", () => {
    const paidOrder = { ...pending, status: "PAID" as const, stockState: "COMMITTED" as const };
    expect(decide({ ...paidOrder, txHash: "0xabc" }, paid({ txHash: null }), now)).toBeNull();
    expect(decide({ ...paidOrder, txHash: null }, paid({ txHash: "0xdef" }), now)).toBeNull();
  });

  it("a payment or an order without a session id is not flagged for the session", () => {
    expect(decide(pending, paid({ sessionId: null }), now)?.review).toBeNull();
    expect(decide({ ...pending, qbitflowSessionId: null }, paid(), now)?.review).toBeNull();
  });

  it("a second, different transaction for a paid order is flagged", () => {
    const decision = decide({ ...pending, status: "PAID", txHash: "0xabc" }, paid({ txHash: "0xdef" }), now);
    expect(decision).toMatchObject({ status: "PAID", stock: null, changes: {} });
    expect(decision?.review).toMatch(/second payment arrived \(0xdef\)/);
  });
});

describe("failed attempts", () => {
  it("are recorded without changing the status, and only once", () => {
    const decision = decide(pending, attempt, now);
    expect(decision).toMatchObject({
      status: "PENDING",
      stock: null,
      changes: { lastAttemptCode: "insufficient_funds", lastAttemptMessage: "Not enough USDC" },
    });
    const recorded = {
      ...pending,
      lastAttemptCode: "insufficient_funds",
      lastAttemptAt: attempt.type === "attempt_failed" ? attempt.at : null,
    };
    expect(decide(recorded, attempt, now)).toBeNull();
  });

  it("a second failure is recorded when only its code, or only its time, differs", () => {
    const at = new Date("2026-11-28T11:58:00Z");
    const recorded = { ...pending, lastAttemptCode: "insufficient_funds", lastAttemptAt: at };
    const later = { ...attempt, at: new Date("2026-11-28T11:59:00Z") };
    expect(decide(recorded, later, now)?.changes.lastAttemptAt).toEqual(later.at);
    const otherCode = { ...attempt, code: "slippage", at };
    expect(decide(recorded, otherCode, now)?.changes.lastAttemptCode).toBe("slippage");
  });

  it("the first failure is recorded even when its code matches nothing recorded yet", () => {
    const noAttemptYet = { ...pending, lastAttemptCode: "insufficient_funds", lastAttemptAt: null };
    expect(decide(noAttemptYet, attempt, now)).toMatchObject({ status: "PENDING" });
  });

  it("a failure without a code or time is recorded at now, with a readable reason", () => {
    const bare: OrderEvent = { type: "attempt_failed", code: null, message: null, txHash: null, at: null };
    expect(decide(pending, bare, now)).toEqual({
      status: "PENDING",
      changes: { lastAttemptCode: null, lastAttemptMessage: null, lastAttemptAt: now },
      stock: null,
      review: null,
      reason: "payment attempt failed: unknown reason",
    });
    expect(decide(pending, attempt, now)?.reason).toBe("payment attempt failed: insufficient_funds");
  });

  it("a paid event without an amount or time still falls back sensibly", () => {
    expect(decide(pending, paid({ confirmedAt: null }), now)?.changes.paidAt).toEqual(now);
  });
});
