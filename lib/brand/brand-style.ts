// The brand colours as CSS custom properties for the <html> element: app/globals.css derives every
// brand utility (bg-brand, hover:bg-brand-strong, from-brand-soft, ...) from these two, so the
// colours live in lib/store-config.ts only.
import type { CSSProperties } from "react";
import { storeConfig } from "@/lib/store-config";

export function brandStyle({ color, accent } = storeConfig.brand): CSSProperties {
  return { "--brand": color, "--brand-accent": accent } as CSSProperties;
}
