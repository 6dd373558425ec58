// Wrong amounts (issue 13, item 1): `amount` is what the merchant received, network fee excluded;
// `paidUsd` is that plus the fee (spec §12). Whatever path brings the payment, an amount that is
// not the order total, or a `paidUsd` below `amount`, must put the order in front of a human.
import { describe, expect, it } from "vitest";
import type { Payment, SessionStatus } from "@/lib/qbitflow";
import { eventsFromStatus, paymentCompleted } from "./from-qbitflow";
import type { OrderEvent } from "./order-events";
import { decide, type OrderState } from "./transition-rules";

const now = new Date("2026-11-28T12:00:00Z");
const order: OrderState = {
  status: "CONFIRMING",
  stockState: "RESERVED",
  totalCents: 499,
  txHash: "0xabc",
  lastAttemptCode: null,
  lastAttemptAt: null,
  qbitflowSessionId: "pay@1",
};

function payment(amountUsd: number, paidUsd: number | null): Payment {
  return {
    id: "pay@1",
    reference: "order-1",
    amountUsd,
    amountCents: Math.round(amountUsd * 100),
    paidUsd,
    chain: "BASE",
    currencySymbol: "USDC",
    txHash: "0xabc",
    explorerUrl: null,
    customerUuid: null,
    customerReference: null,
    productUuid: null,
    createdAt: null,
    confirmedAt: null,
    test: true,
  };
}

const completed: SessionStatus = {
  id: "pay@1",
  status: "completed",
  rawStatus: "completed",
  txHash: "0xabc",
  message: null,
  lastAttempt: null,
};

/** The review each path (webhook / payment read, and the status check) reaches for a payment. */
function reviews(p: Payment): (string | null)[] {
  const fromStatus = eventsFromStatus(completed, p).find((e) => e.type === "payment_completed");
  return [paymentCompleted(p), fromStatus as OrderEvent].map(
    (event) => decide(order, event, now)?.review ?? null,
  );
}

describe("payment amounts", () => {
  it("the exact amount plus a network fee is fulfilled without review", () => {
    expect(reviews(payment(4.99, 4.9942))).toEqual([null, null]);
    expect(reviews(payment(4.99, null))).toEqual([null, null]);
  });

  it("every path carries both the amount received and paidUsd into the order event", () => {
    for (const event of [
      paymentCompleted(payment(4.99, 5.0042)),
      eventsFromStatus(completed, payment(4.99, 5.0042)).at(-1),
    ]) {
      expect(event).toMatchObject({ amountCents: 499, amountUsd: "4.99", paidUsd: "5.0042" });
    }
  });

  it.each([
    ["an under-payment", 0.1, 0.1042, /paid \$0\.10 for an order of \$4\.99/],
    ["an over-payment", 50, 50.0042, /paid \$50\.00 for an order of \$4\.99/],
  ])("%s is flagged on every path", (_name, amount, paid, pattern) => {
    for (const review of reviews(payment(amount, paid))) expect(review).toMatch(pattern);
  });

  it("flags a paidUsd below the amount received as inconsistent, on every path", () => {
    for (const review of reviews(payment(4.99, 0.1042))) {
      expect(review).toMatch(/inconsistent amounts: paidUsd \$0\.1042 is below the amount \$4\.99/);
    }
  });

  it("flags a paidUsd below the amount even by less than a cent", () => {
    for (const review of reviews(payment(4.99, 4.985))) expect(review).toMatch(/inconsistent amounts/);
  });

  it("tolerates binary-float noise on the amount, not a cent more", () => {
    expect(reviews(payment(4.990000000001, 4.9942))).toEqual([null, null]);
    for (const review of reviews(payment(4.98, 4.9842))) expect(review).toMatch(/paid \$4\.98/);
  });
});

describe("a payment that does not say its amount", () => {
  it("is still fulfilled, flagged for review", () => {
    const silent = { ...payment(4.99, null), amountUsd: null, amountCents: null };
    const decision = decide(order, paymentCompleted(silent), now);
    expect(decision).toMatchObject({ status: "PAID", stock: "commit" });
    expect(decision?.review).toMatch(/did not say its amount/);
  });
});

describe("the exact amount and the cents, in the rules themselves", () => {
  const event = (amounts: {
    amountUsd?: string | null;
    amountCents: number | null;
    paidUsd: string | null;
  }) => ({ ...paymentCompleted(payment(4.99, null)), ...amounts }) as OrderEvent;
  const review = (amounts: Parameters<typeof event>[0]) => decide(order, event(amounts), now)?.review ?? null;

  it("compares paidUsd with the exact amount, not its cents", () => {
    // 4.994 rounds to the order's 499 cents, but a paidUsd of 4.992 is still below it.
    expect(review({ amountUsd: "4.994", amountCents: 499, paidUsd: "4.992" })).toBe(
      "inconsistent amounts: paidUsd $4.992 is below the amount $4.994",
    );
  });

  it("accepts a paidUsd equal to the amount (no fee on top)", () => {
    expect(review({ amountUsd: "4.99", amountCents: 499, paidUsd: "4.99" })).toBeNull();
  });

  it("falls back to the cents when amountUsd is absent (an event built by hand)", () => {
    expect(review({ amountCents: 499, paidUsd: "5.0042" })).toBeNull();
    expect(review({ amountCents: 499, paidUsd: "0.1042" })).toBe(
      "inconsistent amounts: paidUsd $0.1042 is below the amount $4.99",
    );
    expect(review({ amountUsd: null, amountCents: 10, paidUsd: "0.1042" })).toBe(
      "paid $0.10 for an order of $4.99",
    );
  });

  it("takes the cents from the exact amount when it has one", () => {
    // amountUsd is what QBitFlow sent; amountCents only stands in for it when it is missing.
    expect(review({ amountUsd: "4.99", amountCents: null, paidUsd: "5.0042" })).toBeNull();
    expect(review({ amountUsd: "4.99", amountCents: 10, paidUsd: "5.0042" })).toBeNull();
  });

  it("falls back to the cents when amountUsd is not a number, rather than reading NaN", () => {
    expect(review({ amountUsd: "n/a", amountCents: 499, paidUsd: "5.0042" })).toBeNull();
  });
});
