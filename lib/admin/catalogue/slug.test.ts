import { describe, expect, it } from "vitest";
import { MAX_SLUG_LENGTH, SLUG_PATTERN, slugify } from "./slug";

describe("slugify", () => {
  it("derives a slug from a name", () => {
    expect(slugify("Harbor Field Journal")).toBe("harbor-field-journal");
    expect(slugify("  Crème brûlée & Co.  ")).toBe("creme-brulee-and-co");
    expect(slugify("Maker's Mug — 12oz")).toBe("makers-mug-12oz");
    expect(slugify("A--B__C")).toBe("a-b-c");
  });

  it("gives nothing when no letter or digit is left", () => {
    expect(slugify("¡¿!?")).toBe("");
    expect(slugify("日本")).toBe("");
  });

  it("always gives a slug the pattern accepts, within the length", () => {
    const long = slugify(`${"word ".repeat(40)}end`);
    expect(long.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    for (const slug of [long, slugify("Harbor Field Journal"), slugify("x")]) {
      expect(slug).toMatch(SLUG_PATTERN);
    }
  });
});
