import { describe, expect, it } from "vitest";
import { cartCountFrom } from "./cart-count-cookie";

describe("cartCountFrom", () => {
  it("reads the count among other cookies", () => {
    expect(cartCountFrom("a=1; cart_count=12; b=2")).toBe(12);
    expect(cartCountFrom("cart_count=3")).toBe(3);
  });

  it("reads 0 when absent or not a small whole number", () => {
    expect(cartCountFrom("")).toBe(0);
    expect(cartCountFrom("xcart_count=5")).toBe(0);
    expect(cartCountFrom("cart_count=-1")).toBe(0);
    expect(cartCountFrom("cart_count=<b>")).toBe(0);
    expect(cartCountFrom("cart_count=123456")).toBe(0);
  });
});
