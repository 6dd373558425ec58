// What re-seeding changes in a product that already exists, in words for the person who ran it
// ("name → Harbor Field Journal, price $3.49 → $2.99"). Pure, so each rule has a unit test.
import { optionKey } from "../lib/catalog/product-shape";
import type { SeedProduct } from "./seed-data";

/** A product as stored, in the terms of the seed file. */
export interface StoredProduct {
  name: string;
  description: string;
  priceCents: number;
  sortOrder: number;
  images: { url: string | null; alt: string }[];
  options: { name: string; values: string[] }[];
  variants: {
    optionKey: string;
    optionValues: string[];
    sku: string | null;
    priceCents: number | null;
    archivedAt: Date | null;
  }[];
}

const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;
const label = (values: string[]) => (values.length ? values.join(" / ") : "default variant");
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function productChanges(stored: StoredProduct, seed: SeedProduct): string[] {
  const changes: string[] = [];
  if (stored.name !== seed.name) changes.push(`name → ${seed.name}`);
  if (stored.priceCents !== seed.priceCents)
    changes.push(`price ${dollars(stored.priceCents)} → ${dollars(seed.priceCents)}`);
  if (stored.description !== seed.description) changes.push("description changed");
  if (stored.sortOrder !== seed.sortOrder) changes.push(`position ${stored.sortOrder} → ${seed.sortOrder}`);
  const images = stored.images.map(({ url, alt }) => ({ url, alt }));
  if (!same(images, seed.images))
    changes.push(`images: ${seed.images.map((image) => image.url).join(", ") || "none"}`);
  const options = seed.options ?? [];
  if (!same(stored.options, options))
    changes.push(
      `options: ${options.map((option) => `${option.name} ${option.values.join("/")}`).join(", ") || "none"}`,
    );
  changes.push(...variantChanges(stored, seed));
  return changes;
}

function variantChanges(stored: StoredProduct, seed: SeedProduct): string[] {
  const changes: string[] = [];
  const byKey = new Map(stored.variants.map((variant) => [variant.optionKey, variant]));
  const seedKeys = new Set(seed.variants.map((variant) => optionKey(variant.values)));
  for (const variant of seed.variants) {
    const existing = byKey.get(optionKey(variant.values));
    const name = label(variant.values);
    if (!existing) {
      changes.push(`new variant ${name} (${variant.stock} in stock)`);
      continue;
    }
    if (existing.archivedAt) changes.push(`variant ${name} back on sale`);
    if (existing.sku !== variant.sku) changes.push(`${name} SKU ${existing.sku ?? "none"} → ${variant.sku}`);
    const price = variant.priceCents ?? null;
    if (existing.priceCents !== price)
      changes.push(
        `${name} price ${existing.priceCents === null ? "the product's" : dollars(existing.priceCents)} → ${price === null ? "the product's" : dollars(price)}`,
      );
  }
  for (const variant of stored.variants) {
    if (!variant.archivedAt && !seedKeys.has(variant.optionKey))
      changes.push(`variant ${label(variant.optionValues)} archived (kept for past orders)`);
  }
  return changes;
}
