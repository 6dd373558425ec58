import { describe, expect, it } from "vitest";
import type { OrderChange } from "@/lib/order-change";
import { followUpJobs } from "./index";

const change = (overrides: Partial<OrderChange>): OrderChange => ({
  orderId: "ORD1",
  from: "PENDING",
  to: "PENDING",
  source: "webhook",
  needsReview: false,
  reason: "r",
  ...overrides,
});
const keys = (c: OrderChange) => followUpJobs(c).map((job) => job.key);

describe("the jobs an order change implies", () => {
  it("a new payment: the receipt, the merchant's notice and the fulfilment, keyed by order", () => {
    expect(keys(change({ to: "PAID" }))).toEqual(["receipt:ORD1", "merchant-paid:ORD1", "fulfilment:ORD1"]);
    expect(keys(change({ from: "CONFIRMING", to: "PAID", needsReview: true }))).toHaveLength(3);
  });

  it("a paid order changing again (a closed review, a repeat): nothing", () => {
    expect(keys(change({ from: "PAID", to: "PAID" }))).toEqual([]);
  });

  it("a review on an order already paid: one merchant notice per distinct reason", () => {
    const first = keys(change({ from: "PAID", to: "PAID", needsReview: true, reason: "second payment" }));
    const again = keys(change({ from: "PAID", to: "PAID", needsReview: true, reason: "second payment" }));
    const other = keys(change({ from: "PAID", to: "PAID", needsReview: true, reason: "third payment" }));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/^merchant-review:ORD1:[0-9a-f]{12}$/);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it("an open checkout that expires or is cancelled: the customer's notice", () => {
    expect(keys(change({ to: "EXPIRED" }))).toEqual(["checkout-closed:ORD1"]);
    expect(keys(change({ from: "CONFIRMING", to: "CANCELLED" }))).toEqual(["checkout-closed:ORD1"]);
  });

  it("placing an order, a failed attempt, a payment arriving late: no customer notice twice", () => {
    expect(keys(change({ from: null, to: "PENDING", source: "checkout" }))).toEqual([]);
    expect(keys(change({ from: "PENDING", to: "PENDING" }))).toEqual([]);
    expect(keys(change({ from: "EXPIRED", to: "EXPIRED" }))).toEqual([]);
    expect(keys(change({ from: "EXPIRED", to: "PAID", needsReview: true }))).toEqual([
      "receipt:ORD1",
      "merchant-paid:ORD1",
      "fulfilment:ORD1",
    ]);
  });
});

describe("the jobs a refund implies", () => {
  const refund = (from: string, to: string, overrides: Partial<OrderChange> = {}) =>
    change({ from: "PAID", to: "PAID", refund: { from, to } as OrderChange["refund"], ...overrides });

  it("a refund sent: the customer's notice, once per order", () => {
    for (const from of ["NONE", "REQUESTED", "PENDING", "DENIED"]) {
      expect(followUpJobs(refund(from, "REFUNDED"))).toEqual([
        { key: "refund-notice:ORD1", kind: "refund-notice", orderId: "ORD1" },
      ]);
    }
    expect(keys(refund("REFUNDED", "REFUNDED"))).toEqual([]);
  });

  it("a customer's request: the merchant's notice; a merchant's own refund: nothing", () => {
    expect(followUpJobs(refund("NONE", "REQUESTED"))).toEqual([
      { key: "merchant-refund-request:ORD1", kind: "merchant-refund-request", orderId: "ORD1" },
    ]);
    expect(keys(refund("REQUESTED", "REQUESTED"))).toEqual([]);
    expect(keys(refund("NONE", "PENDING"))).toEqual([]);
    expect(keys(refund("PENDING", "DENIED"))).toEqual([]);
  });

  it("never a receipt or a payment notice, even though the order is PAID", () => {
    expect(keys(refund("PENDING", "REFUNDED", { from: "PAID" }))).not.toContain("receipt:ORD1");
  });

  it("a refund that needs review: the merchant's review notice, keyed by its reason", () => {
    const jobs = followUpJobs(refund("DENIED", "REFUNDED", { needsReview: true, reason: "odd" }));
    expect(jobs.map((job) => job.kind)).toEqual(["refund-notice", "merchant-review"]);
    expect(jobs[1]).toMatchObject({
      key: expect.stringMatching(/^merchant-review:ORD1:[0-9a-f]{12}$/),
      payload: { reason: "odd" },
    });
  });
});
