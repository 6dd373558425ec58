import { describe, expect, it } from "vitest";
import { isOrderId, newOrderId, orderCode, ORDER_ID_PATTERN } from "@/lib/order-id";

describe("order ids", () => {
  it("are 26 Crockford base32 symbols, valid as a QBitFlow reference", () => {
    for (let i = 0; i < 200; i++) {
      const id = newOrderId();
      expect(id).toMatch(ORDER_ID_PATTERN);
      expect(id).toMatch(/^[A-Za-z0-9._:@-]{1,100}$/);
    }
  });

  it("do not repeat", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newOrderId()));
    expect(ids.size).toBe(10_000);
  });

  it("use every bit of randomness they are given", () => {
    const zeros = newOrderId((size) => new Uint8Array(size));
    const ones = newOrderId((size) => new Uint8Array(size).fill(255));
    expect(zeros).toBe("0".repeat(26));
    expect(ones).toBe("Z".repeat(26));
  });

  it("are recognised, and anything else is not", () => {
    expect(isOrderId(newOrderId())).toBe(true);
    expect(isOrderId("0".repeat(25))).toBe(false);
    expect(isOrderId("I".repeat(26))).toBe(false); // look-alike letters are not in the alphabet
    expect(isOrderId("../../etc/passwd")).toBe(false);
    expect(isOrderId(42)).toBe(false);
  });

  it("have a short code for people", () => {
    expect(orderCode("8F3K2QABCDEFGHJKMNPQRSTVWX")).toBe("8F3K-2Q");
  });
});
