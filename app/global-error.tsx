"use client";
// The last resort, for an error in the root layout itself: it replaces the layout, so it brings
// its own <html> and <body> and no data. The same words as app/error.tsx, never the error.
import "./globals.css";
import Link from "next/link";
import { brandStyle } from "@/lib/brand/brand-style";
import { storeConfig } from "@/lib/store-config";
import { SupportEmail } from "@/components/ui/support-email";

export default function GlobalError() {
  return (
    <html lang="en" style={brandStyle()}>
      <body className="flex min-h-dvh flex-col items-center justify-center px-6 text-center">
        <p className="text-sm font-semibold tracking-wide text-brand uppercase">Something went wrong</p>
        <h1 className="mt-3 font-display text-3xl font-semibold tracking-tight">
          {storeConfig.name} is not answering
        </h1>
        <p className="mt-4 max-w-md text-pretty text-muted">
          This is on our side, not yours. If you were checking out, <strong>nothing was charged</strong>:
          please try again in a moment, or write to us at <SupportEmail />.
        </p>
        <Link href="/" className="mt-8 text-brand underline underline-offset-4">
          Back to the shop
        </Link>
      </body>
    </html>
  );
}
