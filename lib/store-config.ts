// The one place to rebrand the storefront. Change these values (and the pictures in public/) and
// the whole shop follows: pages, emails, the logo and the favicon.
// Pure data on purpose: it is imported by server and client components and by tests alike.

export interface StoreConfig {
  /** Shown in the header, the page titles and the footer. */
  name: string;
  /** The home page headline and the default meta description. */
  tagline: string;
  /** One or two sentences under the headline on the home page. */
  intro: string;
  /** Where customers write about an order: the footer, the error pages, the emails' Reply-To. */
  supportEmail: string;
  /** Shown on every product page next to the payment note. */
  shippingNote: string;
  /**
   * The brand colours. `color` is the primary one (buttons, links, the logo's tile) and carries
   * white text, so keep it dark enough: a unit test checks 4.5:1. Its hover and tinted shades are
   * derived from it (app/globals.css). `accent` is for small highlights, never for text.
   */
  brand: { color: string; accent: string };
  /**
   * The logo in the header, which is also the favicon: a square SVG or PNG in public/ ("/logo.svg"),
   * or null for the built-in mark drawn in the brand colours (lib/brand/logo-mark.ts).
   */
  logo: string | null;
  /** Links in the footer; leave empty for none. */
  social: { label: string; href: string }[];
  /** Prices are stored as integer cents of this currency; the locale decides how they read. */
  currency: string;
  locale: string;
  /** At or below this many units, product cards say "Only N left" instead of "In stock". */
  lowStockThreshold: number;
  /** Product pictures (docs/images.md). */
  images: {
    /** The largest file the admin accepts as an upload, in bytes. */
    maxUploadBytes: number;
    /**
     * Hosts a product image may be linked from instead of uploaded (https only). next.config.ts
     * lets next/image fetch and resize from exactly these, and the admin refuses any other.
     */
    remoteHosts: string[];
  };
}

export const storeConfig: StoreConfig = {
  name: "Northwind Supply",
  tagline: "Small-batch goods for people who like to wander.",
  intro:
    "Stickers, pins, paper goods and a little coffee, made in short runs by a two-person studio. " +
    "Pay with crypto straight from your own wallet.",
  supportEmail: "support@northwind-supply.example",
  shippingNote: "Packed by hand and posted within two working days.",
  brand: { color: "#1f5a43", accent: "#e0a43a" },
  logo: null,
  // e.g. [{ label: "Instagram", href: "https://www.instagram.com/your-shop" }]
  social: [],
  currency: "USD",
  locale: "en-US",
  lowStockThreshold: 5,
  images: {
    maxUploadBytes: 5 * 1024 * 1024,
    remoteHosts: ["images.unsplash.com", "cdn.shopify.com"],
  },
};
