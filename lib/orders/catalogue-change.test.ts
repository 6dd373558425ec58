// Which catalogue pages an order change makes stale (the order store's after-commit hook).
import { describe, expect, it } from "vitest";
import { catalogueChangeOf, type OrderChange } from "./after-commit";

const change = (overrides: Partial<OrderChange>): OrderChange => ({
  orderId: "o1",
  from: "PENDING",
  to: "PENDING",
  source: "webhook",
  needsReview: false,
  reason: "",
  ...overrides,
});

describe("catalogueChangeOf", () => {
  it("a placed order: the products whose stock it took", () => {
    expect(catalogueChangeOf([change({ from: null, productIds: ["p1", "p2"] })])).toEqual({
      productIds: ["p1", "p2"],
    });
  });

  it("an open order that expired or was cancelled gave stock back: every page", () => {
    expect(catalogueChangeOf([change({ from: "PENDING", to: "EXPIRED" })])).toEqual({ everything: true });
    expect(catalogueChangeOf([change({ from: "CONFIRMING", to: "CANCELLED" })])).toEqual({
      everything: true,
    });
  });

  it("a sale or a change that keeps the status moves no stock", () => {
    expect(catalogueChangeOf([change({ from: "CONFIRMING", to: "PAID" })])).toBeNull();
    expect(catalogueChangeOf([change({ from: "EXPIRED", to: "PAID" })])).toBeNull();
    expect(catalogueChangeOf([change({ from: "PENDING", to: "PENDING" })])).toBeNull();
  });
});
