// Catalogue reads for server components. `server-only`, never `'use server'`: a read exposed as
// a server action would become a public endpoint. Only ACTIVE products are on the store, and of
// them only the variants not archived.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toCatalogProduct } from "./product-shape";
import type { CatalogProduct } from "./types";

export const ON_SALE = { status: "ACTIVE" } as const satisfies Prisma.ProductWhereInput;

/** What the storefront reads of a product; `imageCount` limits the images (cards need one). */
export function productSelect(imageCount?: number) {
  return {
    id: true,
    slug: true,
    name: true,
    description: true,
    priceCents: true,
    compareAtCents: true,
    seoTitle: true,
    seoDescription: true,
    digital: true,
    images: {
      orderBy: [{ position: "asc" as const }, { id: "asc" as const }],
      select: { url: true, blobHash: true, alt: true },
      ...(imageCount ? { take: imageCount } : {}),
    },
    options: { orderBy: { position: "asc" as const }, select: { name: true, values: true } },
    variants: {
      where: { archivedAt: null },
      orderBy: [{ position: "asc" as const }, { id: "asc" as const }],
      select: { id: true, optionValues: true, sku: true, priceCents: true, stock: true },
    },
  } satisfies Prisma.ProductSelect;
}

/** The products on the store, in the merchant's order, each with its first image. */
export async function listActiveProducts(): Promise<CatalogProduct[]> {
  const rows = await db.product.findMany({
    where: { ...ON_SALE, variants: { some: { archivedAt: null } } },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: productSelect(1),
  });
  return rows.map(toCatalogProduct);
}

export type ProductLookup = { product: CatalogProduct } | { movedTo: string } | null;

/**
 * The product on sale at this slug; or, for a slug it had before, where it is now (the page
 * redirects permanently); or null.
 */
export async function getProductBySlug(slug: string): Promise<ProductLookup> {
  const row = await db.product.findFirst({
    where: { slug, ...ON_SALE, variants: { some: { archivedAt: null } } },
    select: productSelect(),
  });
  if (row) return { product: toCatalogProduct(row) };
  const redirect = await db.productSlugRedirect.findUnique({
    where: { slug },
    select: { product: { select: { slug: true, status: true } } },
  });
  if (redirect && redirect.product.status === "ACTIVE" && redirect.product.slug !== slug)
    return { movedTo: redirect.product.slug };
  return null;
}
