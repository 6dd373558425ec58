import { describe, expect, it } from "vitest";
import { combinationsOf, optionKeyOf, parseOptions, repeatedCombination, variantTitleOf } from "./options";

describe("parseOptions", () => {
  it("reads names and comma-separated values, ignoring empty rows", () => {
    const parsed = parseOptions([
      { name: " Size ", values: "S, M ,L," },
      { name: "", values: "" },
      { name: "Colour", values: "Sand, Forest" },
    ]);
    expect(parsed).toEqual({
      ok: true,
      options: [
        { name: "Size", values: ["S", "M", "L"] },
        { name: "Colour", values: ["Sand", "Forest"] },
      ],
    });
  });

  it("refuses an option without values, by its field", () => {
    const parsed = parseOptions([{ name: "Size", values: " , " }]);
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: { "option.0.values": ["Give this option at least one value, separated by commas."] },
    });
  });

  it("refuses a value twice (the same combination twice), whatever its case", () => {
    const parsed = parseOptions([{ name: "Size", values: "S, M, s" }]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.fieldErrors["option.0.values"]?.[0]).toMatch(/"s" is there twice/);
  });

  it("refuses values without a name, the same name twice, and too many variants", () => {
    expect(parseOptions([{ name: "", values: "S" }])).toMatchObject({
      ok: false,
      fieldErrors: { "option.0.name": ["Name this option (for example Size)."] },
    });
    expect(
      parseOptions([
        { name: "Size", values: "S" },
        { name: "size", values: "M" },
      ]),
    ).toMatchObject({ ok: false, fieldErrors: { "option.1.name": ['There is already an option "size".'] } });
    const many = Array.from({ length: 11 }, (_, index) => `v${index}`).join(",");
    expect(
      parseOptions([
        { name: "A", values: many },
        { name: "B", values: many },
      ]),
    ).toMatchObject({
      ok: false,
      fieldErrors: { options: ["These options make 121 variants; the limit is 100."] },
    });
  });
});

describe("combinations", () => {
  it("lists one combination per variant, in reading order", () => {
    expect(
      combinationsOf([
        { name: "Size", values: ["S", "M"] },
        { name: "Colour", values: ["Sand", "Forest"] },
      ]),
    ).toEqual([
      ["S", "Sand"],
      ["S", "Forest"],
      ["M", "Sand"],
      ["M", "Forest"],
    ]);
    expect(combinationsOf([])).toEqual([[]]);
  });

  it("keys and titles a combination", () => {
    expect(optionKeyOf(["M", "Sand"])).toBe("m|sand");
    expect(optionKeyOf([])).toBe("");
    expect(variantTitleOf(["M", "Sand"])).toBe("M / Sand");
  });

  it("finds a combination listed twice", () => {
    expect(repeatedCombination([["S"], ["M"]])).toBeNull();
    expect(repeatedCombination([["S"], ["M"], ["s"]])).toEqual(["s"]);
  });
});
