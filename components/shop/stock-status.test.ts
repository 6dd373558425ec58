import { describe, it, expect } from "vitest";
import { stockStatus } from "./stock-status";

describe("stockStatus", () => {
  it("says sold out at zero (and for a negative count, which should never happen)", () => {
    expect(stockStatus(0)).toEqual({ level: "sold-out", label: "Sold out" });
    expect(stockStatus(-1).level).toBe("sold-out");
  });

  it("counts down at or below the threshold", () => {
    expect(stockStatus(1, 5)).toEqual({ level: "low", label: "Only 1 left" });
    expect(stockStatus(5, 5)).toEqual({ level: "low", label: "Only 5 left" });
  });

  it("says in stock above the threshold", () => {
    expect(stockStatus(6, 5)).toEqual({ level: "in-stock", label: "In stock" });
  });
});
