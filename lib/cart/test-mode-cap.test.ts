import { describe, expect, it } from "vitest";
import { testModeCapNotice, type CapLine } from "./test-mode-cap";

const line = (
  name: string,
  unitPriceCents: number,
  quantity: number,
  variantTitle: string | null = null,
): CapLine => ({
  name,
  variantTitle,
  unitPriceCents,
  quantity,
});

describe("testModeCapNotice", () => {
  it("says nothing in live mode, or at or under the cap", () => {
    expect(testModeCapNotice([line("Tote", 900, 3)], null)).toBeNull();
    expect(testModeCapNotice([line("Pin", 250, 2)], 500)).toBeNull();
  });

  it("gives the limit and the total, and the smallest lowering of a quantity that fits", () => {
    const notice = testModeCapNotice([line("Pin", 250, 1), line("Sticker", 100, 4, "Large")], 500);
    expect(notice?.reason).toBe("Test mode accepts at most $5.00 per order; this cart comes to $6.50.");
    // $1.50 over: two fewer stickers ($2.00) gives up less than… the pin has one only.
    expect(notice?.fix).toBe("Lower the quantity of Sticker (Large) to 2.");
  });

  it("removes a line when no quantity can be lowered", () => {
    expect(testModeCapNotice([line("Mug", 400, 1), line("Pin", 250, 1)], 500)?.fix).toBe("Remove Pin.");
  });

  it("falls back to removing items, or says an item alone is over the cap", () => {
    expect(testModeCapNotice([line("Print", 900, 1)], 500)?.fix).toBe(
      "Print costs more than that on its own: it can be bought once the shop is live.",
    );
    expect(testModeCapNotice([line("A", 300, 1), line("B", 300, 1), line("C", 300, 1)], 500)?.fix).toBe(
      "Remove items until the total is $5.00 or less.",
    );
  });
});
