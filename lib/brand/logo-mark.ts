// The built-in logo: a mountain under a sun on a tile of the brand colour. One drawing for the
// header and the favicon, coloured from lib/store-config.ts, so a new brand colour recolours both.
import { storeConfig } from "@/lib/store-config";
import { mix } from "./colour";

const SNOW = "#faf7f1";

export function logoMarkSvg({ color, accent } = storeConfig.brand): string {
  const ridge = mix(color, "#ffffff", 0.4);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">`,
    `<rect width="64" height="64" rx="16" fill="${color}"/>`,
    `<circle cx="42" cy="22" r="7" fill="${accent}"/>`,
    `<path d="M8 50 L24 28 L32 38 L40 30 L56 50 Z" fill="${SNOW}"/>`,
    `<path d="M24 28 L29.5 35.5 L26 34 L22 37 L19.5 34.2 Z" fill="${ridge}"/>`,
    `<path d="M8 50 H56" stroke="${SNOW}" stroke-width="4" stroke-linecap="round"/>`,
    `</svg>`,
  ].join("");
}

/** Where the header's logo and the favicon come from: the merchant's file, or the built-in mark. */
export function logoSrc(): string {
  return storeConfig.logo ?? "/brand/logo.svg";
}
