import { describe, expect, it } from "vitest";
import { CART_COOKIE, decodeCart, decodeLegacyCart, encodeCart } from "./cart-cookie";
import { addQuantity, countItems, MAX_LINES, MAX_QUANTITY, setQuantity } from "./cart-lines";

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const cart = (lines: unknown) => encode({ v: 2, lines });

describe("cart cookie", () => {
  it("is named cart: renaming it would empty every cart already in a browser", () => {
    expect(CART_COOKIE).toBe("cart");
  });

  it("round-trips", () => {
    const lines = [
      { variantId: "p1", quantity: 2 },
      { variantId: "p2", quantity: 1 },
    ];
    expect(decodeCart(encodeCart(lines))).toEqual(lines);
  });

  it("writes the versioned format", () => {
    expect(
      JSON.parse(Buffer.from(encodeCart([{ variantId: "v1", quantity: 3 }]), "base64url").toString()),
    ).toEqual({
      v: 2,
      lines: [["v1", 3]],
    });
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["not base64 JSON", "%%%"],
    ["not an object", encode("v1")],
    ["the format before variants", encode([["p1", 2]])],
    ["another version", encode({ v: 3, lines: [["v1", 1]] })],
    ["no lines", encode({ v: 2 })],
    ["an extra field", encode({ v: 2, lines: [["v1", 1]], total: 1 })],
    ["an empty id", cart([["", 1]])],
    ["an id too long", cart([["x".repeat(65), 1]])],
    ["a zero quantity", cart([["v1", 0]])],
    ["a fractional quantity", cart([["v1", 1.5]])],
    ["a quantity over the limit", cart([["v1", MAX_QUANTITY + 1]])],
    ["a price smuggled in", cart([["v1", 1, 1]])],
    ["too many lines", cart(Array.from({ length: MAX_LINES + 1 }, (_, i) => [`v${i}`, 1]))],
  ])("reads %s as an empty cart", (_, value) => {
    expect(decodeCart(value)).toEqual([]);
  });

  it("accepts the limits themselves", () => {
    const id = "x".repeat(64);
    expect(decodeCart(cart([[id, MAX_QUANTITY]]))).toEqual([{ variantId: id, quantity: MAX_QUANTITY }]);
    const full = Array.from({ length: MAX_LINES }, (_, i) => [`v${i}`, 1]);
    expect(decodeCart(cart(full))).toHaveLength(MAX_LINES);
  });

  it("merges duplicate lines, within the quantity limit", () => {
    expect(
      decodeCart(
        cart([
          ["p1", 6],
          ["p1", 6],
        ]),
      ),
    ).toEqual([{ variantId: "p1", quantity: MAX_QUANTITY }]);
  });
});

describe("a cart cookie from before variants", () => {
  it("reads its product lines, for the store to move onto default variants", () => {
    const legacy = encode([
      ["p1", 2],
      ["p2", 1],
    ]);
    expect(decodeLegacyCart(legacy)).toEqual([
      { productId: "p1", quantity: 2 },
      { productId: "p2", quantity: 1 },
    ]);
    expect(decodeCart(legacy)).toEqual([]);
  });

  it.each([
    ["missing", undefined],
    ["not base64 JSON", "%%%"],
    ["the current format", cart([["v1", 1]])],
    ["a zero quantity", encode([["p1", 0]])],
    ["too many lines", encode(Array.from({ length: MAX_LINES + 1 }, (_, i) => [`p${i}`, 1]))],
  ])("reads %s as no legacy lines", (_, value) => {
    expect(decodeLegacyCart(value)).toEqual([]);
  });
});

describe("cart updates", () => {
  it("adds, changes and removes lines", () => {
    let lines = addQuantity([], "p1", 1);
    lines = addQuantity(lines, "p2", 2);
    lines = addQuantity(lines, "p1", 2);
    expect(lines).toEqual([
      { variantId: "p1", quantity: 3 },
      { variantId: "p2", quantity: 2 },
    ]);
    expect(countItems(lines)).toBe(5);
    expect(setQuantity(lines, "p1", 0)).toEqual([{ variantId: "p2", quantity: 2 }]);
    expect(setQuantity(lines, "p2", 99)).toContainEqual({ variantId: "p2", quantity: MAX_QUANTITY });
    expect(setQuantity(lines, "p2", -3)).toEqual([{ variantId: "p1", quantity: 3 }]);
  });

  it("refuses a line beyond the line limit", () => {
    const full = Array.from({ length: MAX_LINES }, (_, i) => ({ variantId: `p${i}`, quantity: 1 }));
    expect(addQuantity(full, "another", 1)).toEqual(full);
  });
});
