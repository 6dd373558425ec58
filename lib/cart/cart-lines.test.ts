import { describe, expect, it } from "vitest";
import { CART_COOKIE, decodeCart, encodeCart } from "./cart-cookie";
import { addQuantity, countItems, MAX_LINES, MAX_QUANTITY, setQuantity } from "./cart-lines";

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("cart cookie", () => {
  it("is named cart: renaming it would empty every cart already in a browser", () => {
    expect(CART_COOKIE).toBe("cart");
  });

  it("round-trips", () => {
    const lines = [
      { productId: "p1", quantity: 2 },
      { productId: "p2", quantity: 1 },
    ];
    expect(decodeCart(encodeCart(lines))).toEqual(lines);
  });

  it.each([
    ["missing", undefined],
    ["not base64 JSON", "%%%"],
    ["not an array", encode({ p1: 2 })],
    ["a zero quantity", encode([["p1", 0]])],
    ["a fractional quantity", encode([["p1", 1.5]])],
    ["a quantity over the limit", encode([["p1", MAX_QUANTITY + 1]])],
    ["a price smuggled in", encode([["p1", 1, 1]])],
    ["too many lines", encode(Array.from({ length: MAX_LINES + 1 }, (_, i) => [`p${i}`, 1]))],
  ])("reads %s as an empty cart", (_, value) => {
    expect(decodeCart(value)).toEqual([]);
  });

  it("merges duplicate lines, within the quantity limit", () => {
    expect(
      decodeCart(
        encode([
          ["p1", 6],
          ["p1", 6],
        ]),
      ),
    ).toEqual([{ productId: "p1", quantity: MAX_QUANTITY }]);
  });
});

describe("cart updates", () => {
  it("adds, changes and removes lines", () => {
    let lines = addQuantity([], "p1", 1);
    lines = addQuantity(lines, "p2", 2);
    lines = addQuantity(lines, "p1", 2);
    expect(lines).toEqual([
      { productId: "p1", quantity: 3 },
      { productId: "p2", quantity: 2 },
    ]);
    expect(countItems(lines)).toBe(5);
    expect(setQuantity(lines, "p1", 0)).toEqual([{ productId: "p2", quantity: 2 }]);
    expect(setQuantity(lines, "p2", 99)).toContainEqual({ productId: "p2", quantity: MAX_QUANTITY });
    expect(setQuantity(lines, "p2", -3)).toEqual([{ productId: "p1", quantity: 3 }]);
  });

  it("refuses a line beyond the line limit", () => {
    const full = Array.from({ length: MAX_LINES }, (_, i) => ({ productId: `p${i}`, quantity: 1 }));
    expect(addQuantity(full, "another", 1)).toEqual(full);
  });
});
