// The demo catalogue: `npm run dev` seeds it into a new database, and `npm run db:seed` upserts it
// by slug (prisma/seed.ts): edit a product here, re-seed, and the store shows the edit. Plain
// data, no Prisma import, so the seed script, tests and Playwright specs can all share it.
//
// Prices stay at or below $5.00, most under $2.50, so that a two-item cart fits under QBitFlow
// test mode's $5 cap. Stock varies on purpose to show every availability badge (one item has a
// single unit left, so "Only 1 left" and, after one sale, "Sold out" are easy to see). Stock is
// only the starting count: re-seeding never changes the stock of a variant that exists.

export interface SeedVariant {
  /** One value per option, in the options' order; [] for the default variant of a product without options. */
  values: string[];
  sku: string;
  /** Units on hand when the variant is first created. */
  stock: number;
  /** Its own price; the product's when left out. */
  priceCents?: number;
}

export interface SeedProduct {
  slug: string;
  name: string;
  /** Markdown. */
  description: string;
  priceCents: number;
  /** Files in public/ (served as is) or URLs on the image allow-list, in order. Alt "" = the name. */
  images: { url: string; alt: string }[];
  options?: { name: string; values: string[] }[];
  /** One per combination of option values, or the one default variant (values: []). */
  variants: SeedVariant[];
  sortOrder: number;
}

export interface SeedCollection {
  slug: string;
  title: string;
  description: string;
  /** Product slugs, in order. */
  products: string[];
  sortOrder: number;
}

export const seedProducts: SeedProduct[] = [
  {
    slug: "trailhead-sticker-pack",
    name: "Trailhead Sticker Pack",
    description:
      "Three die-cut vinyl stickers: a mountain sunrise, a north star and our little NW badge. " +
      "Weatherproof and dishwasher safe, made for water bottles, laptops and bike frames.",
    priceCents: 99,
    images: [{ url: "/products/trailhead-sticker-pack.svg", alt: "" }],
    variants: [{ values: [], sku: "STK-TRAILHEAD", stock: 50 }],
    sortOrder: 10,
  },
  {
    slug: "coastline-postcard-set",
    name: "Coastline Postcard Set",
    description:
      "Four postcards printed on heavy, uncoated stock from our own gouache sketches of the coast. " +
      "Blank backs with a stamp box, so they work as tiny frames too.",
    priceCents: 149,
    images: [{ url: "/products/coastline-postcard-set.svg", alt: "" }],
    variants: [{ values: [], sku: "PC-COASTLINE", stock: 30 }],
    sortOrder: 20,
  },
  {
    slug: "summit-enamel-pin",
    name: "Summit Enamel Pin",
    description:
      "A hard enamel pin with gold-plated outlines, two rubber clutches and a backing card. " +
      "About 3 cm wide: big enough to notice, small enough for a hat band.",
    priceCents: 229,
    images: [{ url: "/products/summit-enamel-pin.svg", alt: "" }],
    variants: [{ values: [], sku: "PIN-SUMMIT", stock: 12 }],
    sortOrder: 30,
  },
  {
    slug: "field-notebook",
    name: "Field Notebook",
    description:
      "A pocket notebook with 48 dot-grid pages, a kraft cover and an elastic band to keep it shut. " +
      "Stitched, not glued, so it lies flat on a rock or a knee.",
    priceCents: 349,
    images: [{ url: "/products/field-notebook.svg", alt: "" }],
    variants: [{ values: [], sku: "NB-FIELD", stock: 20 }],
    sortOrder: 40,
  },
  {
    slug: "brass-compass-keychain",
    name: "Brass Compass Keychain",
    description:
      "A working liquid-filled compass in a solid brass case, on a split ring and short chain. " +
      "The last one from this batch: the brass darkens beautifully with use.",
    priceCents: 399,
    images: [{ url: "/products/brass-compass-keychain.svg", alt: "" }],
    variants: [{ values: [], sku: "KEY-COMPASS", stock: 1 }],
    sortOrder: 50,
  },
  {
    slug: "canvas-tote-bag",
    name: "Canvas Tote Bag",
    description:
      "A heavyweight cotton canvas tote, screen printed by hand with our ridge line. " +
      "Long handles for the shoulder, and room for a market haul or a picnic. " +
      "Three sizes: S for a book and a flask, M for the market, L for a beach day.",
    priceCents: 449,
    images: [{ url: "/products/canvas-tote-bag.svg", alt: "" }],
    // The demo of options: three sizes, each with its own stock and SKU, the small one cheaper.
    options: [{ name: "Size", values: ["S", "M", "L"] }],
    variants: [
      { values: ["S"], sku: "TOTE-CANVAS-S", stock: 6, priceCents: 399 },
      { values: ["M"], sku: "TOTE-CANVAS-M", stock: 8 },
      { values: ["L"], sku: "TOTE-CANVAS-L", stock: 4 },
    ],
    sortOrder: 60,
  },
  {
    slug: "roasters-coffee-sampler",
    name: "Roaster's Coffee Sampler",
    description:
      "Three 30 g bags of whole-bean coffee from a friend's micro-roastery: a bright Ethiopian, " +
      "a chocolatey Colombian and a house blend. Enough for a weekend of pour-overs.",
    priceCents: 499,
    images: [{ url: "/products/roasters-coffee-sampler.svg", alt: "" }],
    variants: [{ values: [], sku: "COF-SAMPLER", stock: 3 }],
    sortOrder: 70,
  },
];

export const seedCollections: SeedCollection[] = [
  {
    slug: "paper-goods",
    title: "Paper goods",
    description: "Things to write on, send and stick: printed in small runs.",
    products: ["field-notebook", "coastline-postcard-set", "trailhead-sticker-pack"],
    sortOrder: 10,
  },
  {
    slug: "for-the-trail",
    title: "For the trail",
    description: "Small things that come along on a walk.",
    products: ["brass-compass-keychain", "summit-enamel-pin", "canvas-tote-bag", "roasters-coffee-sampler"],
    sortOrder: 20,
  },
];
