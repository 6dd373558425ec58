import { describe, expect, it } from "vitest";
import { storeConfig } from "@/lib/store-config";
import { brandStyle } from "./brand-style";
import { contrastRatio, mix, parseHex } from "./colour";
import { logoMarkSvg } from "./logo-mark";

describe("the store's brand colour", () => {
  it("carries white text readably (WCAG AA, 4.5:1): buttons and badges put white on it", () => {
    expect(contrastRatio(storeConfig.brand.color, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });

  it("reaches the pages as the two custom properties globals.css derives every shade from", () => {
    expect(brandStyle({ color: "#123456", accent: "#abcdef" })).toEqual({
      "--brand": "#123456",
      "--brand-accent": "#abcdef",
    });
  });
});

describe("logoMarkSvg", () => {
  it("draws the tile in the brand colour and the sun in the accent, so both follow a rebrand", () => {
    const svg = logoMarkSvg({ color: "#7a1f3d", accent: "#33aa77" });
    expect(svg).toContain('<rect width="64" height="64" rx="16" fill="#7a1f3d"/>');
    expect(svg).toContain('fill="#33aa77"');
    expect(svg).toContain(`fill="${mix("#7a1f3d", "#ffffff", 0.4)}"`);
    expect(svg).not.toContain("#1f5a43");
  });
});

describe("colour sums", () => {
  it("parses #rrggbb with or without the hash and refuses anything else", () => {
    expect(parseHex("#1f5a43")).toEqual([31, 90, 67]);
    expect(parseHex("FFFFFF")).toEqual([255, 255, 255]);
    expect(() => parseHex("#fff")).toThrow(/not a #rrggbb colour/);
  });

  it("mixes in sRGB, from all base (0) to all colour (1)", () => {
    expect(mix("#000000", "#ffffff", 0)).toBe("#ffffff");
    expect(mix("#000000", "#ffffff", 1)).toBe("#000000");
    expect(mix("#000000", "#ffffff", 0.5)).toBe("#808080");
  });

  it("computes WCAG contrast, whichever colour comes first", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });
});
