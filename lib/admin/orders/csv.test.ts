import { describe, expect, it } from "vitest";
import { centsToUsd, csvCell, csvRow } from "./csv";

describe("CSV cells (RFC 4180)", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\r", '"cr\r"'],
    ["", ""],
  ])("%j → %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("leaves empty values empty and numbers as they are", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(-5)).toBe("-5");
  });

  it.each([
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+1", "'+1"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
  ])("neutralises a formula in %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("ends rows with CRLF", () => {
    expect(csvRow(["a", "b,c", null])).toBe('a,"b,c",\r\n');
  });
});

describe("centsToUsd", () => {
  it.each([
    [0, "0.00"],
    [5, "0.05"],
    [1999, "19.99"],
    [100000, "1000.00"],
    [Number.MAX_SAFE_INTEGER, "90071992547409.91"],
  ])("%d → %s", (cents, text) => {
    expect(centsToUsd(cents)).toBe(text);
  });
});
