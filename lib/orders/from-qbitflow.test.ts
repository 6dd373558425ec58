import { describe, expect, it } from "vitest";
import type { Payment, SessionStatus } from "@/lib/qbitflow";
import { eventsFromStatus, paymentCompleted } from "./from-qbitflow";

const payment: Payment = {
  id: "pay@1",
  reference: "ORDER1",
  amountUsd: 3.99,
  amountCents: 399,
  paidUsd: 3.9942,
  chain: "BASE",
  currencySymbol: "USDC",
  txHash: "0xabc",
  explorerUrl: "https://basescan.org/tx/0xabc",
  customerUuid: null,
  customerReference: null,
  productUuid: null,
  createdAt: new Date("2026-11-28T11:58:00Z"),
  confirmedAt: new Date("2026-11-28T11:59:00Z"),
  test: true,
};
const completedEvent = {
  type: "payment_completed",
  sessionId: "pay@1",
  amountCents: 399,
  amountUsd: "3.99",
  paidUsd: "3.9942",
  txHash: "0xabc",
  explorerUrl: "https://basescan.org/tx/0xabc",
  chain: "BASE",
  currencySymbol: "USDC",
  confirmedAt: new Date("2026-11-28T11:59:00Z"),
};
const attempt = { code: "insufficient_funds", message: "Not enough USDC", txHash: null, at: new Date(0) };
const status = (overrides: Partial<SessionStatus>): SessionStatus => ({
  id: "pay@1",
  status: "created",
  rawStatus: "created",
  txHash: null,
  message: null,
  lastAttempt: null,
  ...overrides,
});

describe("paymentCompleted", () => {
  it("carries what the transition rules need, amountUsd and paidUsd as decimal strings", () => {
    expect(paymentCompleted(payment)).toEqual(completedEvent);
  });

  it("keeps an unknown paidUsd unknown", () => {
    expect(paymentCompleted({ ...payment, paidUsd: null })).toMatchObject({ paidUsd: null });
  });

  it('keeps an unknown amount unknown (the rules flag it), not the string "null"', () => {
    const silent = { ...payment, amountUsd: null, amountCents: null };
    expect(paymentCompleted(silent)).toMatchObject({ amountUsd: null, amountCents: null });
  });
});

describe("eventsFromStatus", () => {
  it("created, with a failed attempt, is that attempt", () => {
    expect(eventsFromStatus(status({ lastAttempt: attempt }), null)).toEqual([
      { type: "attempt_failed", ...attempt },
    ]);
  });

  it("created without an attempt, and unknown statuses, say nothing", () => {
    expect(eventsFromStatus(status({}), null)).toEqual([]);
    expect(eventsFromStatus(status({ status: "unknown", rawStatus: "refunded" }), payment)).toEqual([]);
  });

  it("an attempt left over from before the payment is not news once the status moved on", () => {
    const sent = status({ status: "waitingConfirmation", txHash: "0xabc", lastAttempt: attempt });
    expect(eventsFromStatus(sent, null)).toEqual([{ type: "payment_sent", txHash: "0xabc" }]);
  });

  it("waitingConfirmation is not paid, even when the caller passes a payment", () => {
    const sent = status({ status: "waitingConfirmation", txHash: "0xabc" });
    expect(eventsFromStatus(sent, payment)).toEqual([{ type: "payment_sent", txHash: "0xabc" }]);
  });

  it("completed is sent then paid, with the payment when the caller has it", () => {
    const completed = status({ status: "completed", txHash: "0xabc" });
    expect(eventsFromStatus(completed, payment)).toEqual([
      { type: "payment_sent", txHash: "0xabc" },
      completedEvent,
    ]);
    expect(eventsFromStatus(completed, null)).toEqual([{ type: "payment_sent", txHash: "0xabc" }]);
  });

  it("expired passes on QBitFlow's message", () => {
    expect(eventsFromStatus(status({ status: "expired", message: "timed out" }), null)).toEqual([
      { type: "session_expired", message: "timed out" },
    ]);
  });
});
