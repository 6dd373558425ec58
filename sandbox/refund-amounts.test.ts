/** Refund amount math (spec §12): percent rule and exact integer amounts, no float drift. */
import { describe, expect, it } from "vitest";
import { isValidRefundPercent, refundAmounts } from "./refunds/amounts";

describe("isValidRefundPercent", () => {
  it.each([100, 50, 33.33, 0.01, 0.07, 99.99, 12.5])("accepts %s", (percent) => {
    expect(isValidRefundPercent(percent)).toBe(true);
  });

  it.each([0, -1, 100.001, 100.01, 101, 33.333, 0.001, Number.NaN, Number.POSITIVE_INFINITY])(
    "refuses %s",
    (percent) => {
      expect(isValidRefundPercent(percent)).toBe(false);
    },
  );
});

describe("refundAmounts", () => {
  it("refunds everything that was paid at 100 %", () => {
    expect(refundAmounts("4504200", 4.5042, 100)).toEqual({ amountMinUnits: "4504200", amountUsd: 4.5042 });
  });

  it("halves exactly", () => {
    expect(refundAmounts("4504200", 4.5042, 50)).toEqual({ amountMinUnits: "2252100", amountUsd: 2.2521 });
  });

  it("rounds a share down to the smallest unit, never up", () => {
    // 4504200 × 33.33 % = 1501249.86 units; float math would round the USD side up to 1.50125.
    expect(refundAmounts("4504200", 4.5042, 33.33)).toEqual({
      amountMinUnits: "1501249",
      amountUsd: 1.501249,
    });
    expect(refundAmounts("4504200", 4.5042, 0.07)).toEqual({ amountMinUnits: "3152", amountUsd: 0.003152 });
  });

  it("stays exact for 18-decimal tokens beyond 2^53", () => {
    expect(refundAmounts("1501033333333333333", 4.5031, 50).amountMinUnits).toBe("750516666666666666");
    expect(refundAmounts("1501033333333333333", 4.5031, 12.34).amountMinUnits).toBe("185227513333333333");
  });

  it("refuses an invalid percent", () => {
    expect(() => refundAmounts("100", 1, 0)).toThrow(RangeError);
    expect(() => refundAmounts("100", 1, 100.5)).toThrow(RangeError);
  });
});
