import "./globals.css";
import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
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

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: proxy.ts gives each response a fresh CSP nonce, which Next
  // can only put on the scripts of a page it renders then (a prerendered page's scripts would be
  // blocked). See docs/security.md#headers.
  await connection();
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
