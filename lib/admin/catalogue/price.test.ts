import { describe, expect, it } from "vitest";
import { centsToPriceInput, parsePriceToCents } from "./price";

const cents = (input: string) => {
  const result = parsePriceToCents(input);
  return result.ok ? result.cents : result.message;
};

describe("parsePriceToCents", () => {
  it("reads dollars as exact cents, without float rounding", () => {
    expect(cents("2.99")).toBe(299);
    expect(cents("0.29")).toBe(29); // 0.29 * 100 is 28.999999999999996 in floats
    expect(cents("1.005".slice(0, 4))).toBe(100);
    expect(cents("3")).toBe(300);
    expect(cents("3.5")).toBe(350);
    expect(cents("3.")).toBe(300);
    expect(cents(".99")).toBe(99);
    expect(cents(" $1,250.00 ")).toBe(125000);
    expect(cents("0")).toBe(0); // "> 0" is the form's rule, not the parser's
  });

  it("refuses more than two decimals", () => {
    expect(cents("2.999")).toBe("Use at most two decimals (cents).");
    expect(cents("2.990")).toBe("Use at most two decimals (cents).");
  });

  it("refuses what is not a plain amount", () => {
    for (const input of ["-1", "+1", "1e3", "abc", "1.2.3", "1,25", "NaN", "Infinity", "0x10", "1 000"]) {
      expect(cents(input), input).toBe("Enter a price in dollars, such as 2.99.");
    }
    expect(cents("  ")).toBe("Enter a price.");
    expect(cents("1000000.01")).toBe("That price is too high.");
    expect(cents("99999999999")).toBe("That price is too high.");
  });

  it("writes cents back as the form shows them", () => {
    expect(centsToPriceInput(299)).toBe("2.99");
    expect(centsToPriceInput(300)).toBe("3.00");
    expect(centsToPriceInput(5)).toBe("0.05");
  });
});
