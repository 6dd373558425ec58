// The demo catalogue that `npm run dev` seeds. Plain data, no Prisma import, so the seed script,
// tests and Playwright specs can all share it.
//
// Prices stay at or below $5.00, most under $2.50, so that a two-item cart fits under QBitFlow
// test mode's $5 cap. Stock varies on purpose to show every availability badge (one item has a
// single unit left, so "Only 1 left" and, after one sale, "Sold out" are easy to see).

export interface SeedProduct {
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  /** A file in public/, served as is. */
  imagePath: string;
  stock: number;
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
    imagePath: "/products/trailhead-sticker-pack.svg",
    stock: 50,
    sortOrder: 10,
  },
  {
    slug: "coastline-postcard-set",
    name: "Coastline Postcard Set",
    description:
      "Four postcards printed on heavy, uncoated stock from our own gouache sketches of the coast. " +
      "Blank backs with a stamp box, so they work as tiny frames too.",
    priceCents: 149,
    imagePath: "/products/coastline-postcard-set.svg",
    stock: 30,
    sortOrder: 20,
  },
  {
    slug: "summit-enamel-pin",
    name: "Summit Enamel Pin",
    description:
      "A hard enamel pin with gold-plated outlines, two rubber clutches and a backing card. " +
      "About 3 cm wide: big enough to notice, small enough for a hat band.",
    priceCents: 229,
    imagePath: "/products/summit-enamel-pin.svg",
    stock: 12,
    sortOrder: 30,
  },
  {
    slug: "field-notebook",
    name: "Field Notebook",
    description:
      "A pocket notebook with 48 dot-grid pages, a kraft cover and an elastic band to keep it shut. " +
      "Stitched, not glued, so it lies flat on a rock or a knee.",
    priceCents: 349,
    imagePath: "/products/field-notebook.svg",
    stock: 20,
    sortOrder: 40,
  },
  {
    slug: "brass-compass-keychain",
    name: "Brass Compass Keychain",
    description:
      "A working liquid-filled compass in a solid brass case, on a split ring and short chain. " +
      "The last one from this batch: the brass darkens beautifully with use.",
    priceCents: 399,
    imagePath: "/products/brass-compass-keychain.svg",
    stock: 1,
    sortOrder: 50,
  },
  {
    slug: "canvas-tote-bag",
    name: "Canvas Tote Bag",
    description:
      "A heavyweight cotton canvas tote, screen printed by hand with our ridge line. " +
      "Long handles for the shoulder, and room for a market haul or a picnic.",
    priceCents: 449,
    imagePath: "/products/canvas-tote-bag.svg",
    stock: 7,
    sortOrder: 60,
  },
  {
    slug: "roasters-coffee-sampler",
    name: "Roaster's Coffee Sampler",
    description:
      "Three 30 g bags of whole-bean coffee from a friend's micro-roastery: a bright Ethiopian, " +
      "a chocolatey Colombian and a house blend. Enough for a weekend of pour-overs.",
    priceCents: 499,
    imagePath: "/products/roasters-coffee-sampler.svg",
    stock: 3,
    sortOrder: 70,
  },
];
