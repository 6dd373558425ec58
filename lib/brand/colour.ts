// The few colour sums the brand needs outside CSS: the logo's tints (an SVG favicon cannot use
// CSS color-mix()) and the contrast check that keeps white text readable on the brand colour.
// Pure, on #rrggbb strings.

type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) throw new Error(`"${hex}" is not a #rrggbb colour`);
  const value = Number.parseInt(match[1]!, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, "0")).join("")}`;
}

/** `amount` of `colour` over `base` (0 = all base, 1 = all colour), in sRGB. */
export function mix(colour: string, base: string, amount: number): string {
  const a = parseHex(colour);
  const b = parseHex(base);
  return toHex([0, 1, 2].map((i) => b[i]! + (a[i]! - b[i]!) * amount) as Rgb);
}

function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrastRatio(one: string, other: string): number {
  const [light, dark] = [luminance(one), luminance(other)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
