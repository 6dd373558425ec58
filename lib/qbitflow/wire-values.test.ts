import { describe, expect, it } from "vitest";
import { optionalNumber, optionalText, optionalTimestamp, parseTimestamp } from "./wire-values";

describe("optionalTimestamp", () => {
  it.each([undefined, null, "", "0001-01-01T00:00:00Z"])("%j is no timestamp", (value) => {
    expect(optionalTimestamp.parse(value)).toBeNull();
  });

  it("reads RFC 3339", () => {
    expect(optionalTimestamp.parse("2026-10-01T12:00:00Z")).toEqual(new Date("2026-10-01T12:00:00Z"));
  });

  it("refuses anything else, saying what it got", () => {
    const result = optionalTimestamp.safeParse("yesterday");
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([
      { code: "custom", message: "not an RFC 3339 timestamp: yesterday" },
    ]);
  });
});

describe("optionalText and optionalNumber", () => {
  it.each([undefined, null, ""])("text %j is absent", (value) => {
    expect(optionalText.parse(value)).toBeNull();
  });

  it("keeps text, even blank text", () => {
    expect(optionalText.parse("USDC")).toBe("USDC");
    expect(optionalText.parse(" ")).toBe(" ");
  });

  it("keeps numbers, zero included", () => {
    expect(optionalNumber.parse(undefined)).toBeNull();
    expect(optionalNumber.parse(0)).toBe(0);
  });
});

describe("parseTimestamp", () => {
  // Date.parse reads these (ECMAScript's expanded years); RFC 3339 has no such form.
  it.each(["+002026-10-01T12:00:00Z", "-002026-10-01T12:00:00Z"])("%s is not RFC 3339", (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });
});
