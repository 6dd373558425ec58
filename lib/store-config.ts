// The one place to rebrand the storefront. Change these values (and the colours in
// app/globals.css, the images in public/) and the whole shop follows.
// Pure data on purpose: it is imported by server and client components and by tests alike.

export const storeConfig = {
  /** Shown in the header, the page titles and the footer. */
  name: "Northwind Supply",
  /** The home page headline and the default meta description. */
  tagline: "Small-batch goods for people who like to wander.",
  /** One or two sentences under the headline on the home page. */
  intro:
    "Stickers, pins, paper goods and a little coffee, made in short runs by a two-person studio. " +
    "Pay with crypto straight from your own wallet.",
  /** Where customers write about an order: the not-found and error pages, the emails' Reply-To. */
  supportEmail: "support@northwind-supply.example",
  /** Shown on every product page next to the payment note. */
  shippingNote: "Packed by hand and posted within two working days.",
  /** Square logo in public/ (the favicon lives separately in app/icon.svg). */
  logoPath: "/logo.svg",
  /** Prices are stored as integer cents of this currency; the locale decides how they read. */
  currency: "USD",
  locale: "en-US",
  /** At or below this many units, product cards say "Only N left" instead of "In stock". */
  lowStockThreshold: 5,
  /** Emails (receipts, notices) cannot read app/globals.css: keep this equal to --color-brand. */
  brandColor: "#1f5a43",
  /** Product pictures (docs/images.md). */
  images: {
    /** The largest file the admin accepts as an upload, in bytes. */
    maxUploadBytes: 5 * 1024 * 1024,
    /**
     * Hosts a product image may be linked from instead of uploaded (https only). next.config.ts
     * lets next/image fetch and resize from exactly these, and the admin refuses any other.
     */
    remoteHosts: ["images.unsplash.com", "cdn.shopify.com"],
  },
} as const;

export type StoreConfig = typeof storeConfig;
