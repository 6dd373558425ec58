import { describe, it, expect } from "vitest";
import { formatCents } from "./money";

describe("formatCents", () => {
  it("formats whole and fractional dollar amounts", () => {
    expect(formatCents(499)).toBe("$4.99");
    expect(formatCents(99)).toBe("$0.99");
    expect(formatCents(500)).toBe("$5.00");
  });

  it("formats zero and single cents", () => {
    expect(formatCents(0)).toBe("$0.00");
    expect(formatCents(1)).toBe("$0.01");
  });

  it("groups thousands", () => {
    expect(formatCents(123_456_789)).toBe("$1,234,567.89");
  });

  it("formats negative amounts (refunds, discounts)", () => {
    expect(formatCents(-250)).toBe("-$2.50");
  });

  it("keeps cents exact where float arithmetic would drift", () => {
    // 0.1 + 0.2 style errors must never reach the customer.
    expect(formatCents(10 + 20)).toBe("$0.30");
    expect(formatCents(1_005)).toBe("$10.05");
  });

  it("honours another locale and currency", () => {
    // Non-breaking spaces vary by ICU version; compare with plain spaces.
    expect(formatCents(123_456, { locale: "de-DE", currency: "EUR" }).replace(/\s/g, " ")).toBe("1.234,56 €");
  });

  it("rejects fractional and non-finite input", () => {
    expect(() => formatCents(4.99)).toThrow(RangeError);
    expect(() => formatCents(Number.NaN)).toThrow(RangeError);
    expect(() => formatCents(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
