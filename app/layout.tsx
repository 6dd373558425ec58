import "./globals.css";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/shop/site-footer";
import { SiteHeader } from "@/components/shop/site-header";
import { brandStyle } from "@/lib/brand/brand-style";
import { bodyFont } from "@/lib/brand/font";
import { logoSrc } from "@/lib/brand/logo-mark";
import { getAppUrl } from "@/lib/env";
import { storeConfig } from "@/lib/store-config";
import { Providers } from "./providers";

export const metadata: Metadata = {
  // Makes relative Open Graph image paths (product pictures) absolute for link previews. Read
  // leniently: static pages render at build time, where the run-time variables may be absent.
  metadataBase: new URL(getAppUrl()),
  title: { default: `${storeConfig.name}: ${storeConfig.tagline}`, template: `%s · ${storeConfig.name}` },
  description: storeConfig.intro,
  applicationName: storeConfig.name,
  icons: { icon: logoSrc() },
};

export const viewport: Viewport = {
  themeColor: storeConfig.brand.color,
};

// Static itself: the catalogue pages are prerendered (lib/catalog/catalogue-routes.ts). Every
// other page renders per request, because it reads the request (cookies, the query) or calls
// connection(): proxy.ts gives those a fresh CSP nonce, which Next puts on their scripts only
// when it renders them then. See docs/security.md#headers.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={bodyFont.variable} style={brandStyle()}>
      <body className="flex min-h-dvh flex-col">
        {/* First focusable element: keyboard users skip the header on every page. */}
        <a
          href="#main"
          className="fixed top-3 left-3 z-50 -translate-y-24 rounded-full bg-brand px-4 py-2 text-sm font-semibold text-white shadow-lg focus:translate-y-0"
        >
          Skip to content
        </a>
        <Providers>
          <SiteHeader />
          <main id="main" className="flex-1">
            {children}
          </main>
          <SiteFooter />
        </Providers>
      </body>
    </html>
  );
}
