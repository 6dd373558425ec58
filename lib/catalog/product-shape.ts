// From the rows Prisma reads to what the storefront shows. Pure, so the rules (which price a
// variant sells at, what "from" means, where an image is served) have unit tests.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { productSelect } from "./products";
import type { CatalogImage, CatalogProduct, CatalogVariant } from "./types";

/** A product as `productSelect()` reads it: typed from the select itself, so the two cannot drift. */
export type ProductRow = Prisma.ProductGetPayload<{ select: ReturnType<typeof productSelect> }>;
export type ImageRow = ProductRow["images"][number];

/** Where an image is served: its URL, or the uploaded bytes' route (content-addressed). */
export function imageSrc(image: Pick<ImageRow, "url" | "blobHash">): string | null {
  if (image.url) return image.url;
  return image.blobHash ? `/images/${image.blobHash}` : null;
}

/**
 * A combination of option values normalised ("M", "Sand" → "m|sand"): unique per product, ""
 * for the default variant. Everything that creates variants (the admin, the seed) keys them so.
 */
export function optionKey(optionValues: string[]): string {
  return optionValues.map((value) => value.trim().toLowerCase()).join("|");
}

/** "M / Sand" for a variant of a product with options, null for a default variant. */
export function variantTitle(optionValues: string[]): string | null {
  return optionValues.length ? optionValues.join(" / ") : null;
}

export function toCatalogProduct(row: ProductRow): CatalogProduct {
  const variants: CatalogVariant[] = row.variants.map((variant) => ({
    id: variant.id,
    optionValues: variant.optionValues,
    title: variantTitle(variant.optionValues),
    sku: variant.sku,
    priceCents: variant.priceCents ?? row.priceCents,
    available: Math.max(0, variant.stock),
  }));
  const prices = variants.map((variant) => variant.priceCents);
  const images = row.images.flatMap((image): CatalogImage[] => {
    const src = imageSrc(image);
    return src ? [{ src, alt: image.alt || row.name }] : [];
  });
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    compareAtCents: row.compareAtCents,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    digital: row.digital,
    priceCents: prices.length ? Math.min(...prices) : row.priceCents,
    priceVaries: new Set(prices).size > 1,
    available: variants.reduce((sum, variant) => sum + variant.available, 0),
    images,
    options: row.options.map(({ name, values }) => ({ name, values })),
    variants,
  };
}
