// The catalogue as the storefront reads it: plain values, safe to pass to client components.

export interface CatalogImage {
  /** A file in public/, an allowed external URL, or an uploaded image (`/images/<hash>`). */
  src: string;
  alt: string;
}

export interface CatalogOption {
  name: string;
  values: string[];
}

/** A variant on sale: not archived, its product active. */
export interface CatalogVariant {
  id: string;
  /** One value per option, in the options' order; [] for a product's default variant. */
  optionValues: string[];
  /** "M / Sand", or null for a default variant. */
  title: string | null;
  sku: string | null;
  /** Its own price, or the product's. */
  priceCents: number;
  /** Units a customer can still buy: stock counts them already net of open orders. */
  available: number;
}

export interface CatalogProduct {
  id: string;
  slug: string;
  name: string;
  /** Markdown. */
  description: string;
  compareAtCents: number | null;
  seoTitle: string | null;
  seoDescription: string | null;
  digital: boolean;
  /** The lowest price of its variants on sale ("from $x" when `priceVaries`). */
  priceCents: number;
  priceVaries: boolean;
  /** Units of all its variants together. */
  available: number;
  /** In order; the first is the one cards show. May be empty. */
  images: CatalogImage[];
  options: CatalogOption[];
  /** In order; never empty for a product on sale. */
  variants: CatalogVariant[];
}

export interface CatalogCollection {
  id: string;
  slug: string;
  title: string;
  description: string;
  /** Its products on sale, in the collection's order. */
  products: CatalogProduct[];
}
