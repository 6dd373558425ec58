// Collections as the storefront reads them: named, ordered groups of the products on sale.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toCatalogProduct } from "./product-shape";
import { ON_SALE, productSelect } from "./products";
import type { CatalogCollection } from "./types";

const collectionSelect = {
  id: true,
  slug: true,
  title: true,
  description: true,
  products: {
    where: { product: { ...ON_SALE, variants: { some: { archivedAt: null } } } },
    orderBy: [{ position: "asc" }, { productId: "asc" }],
    select: { product: { select: productSelect(1) } },
  },
} satisfies Prisma.CollectionSelect;

function toCollection(row: {
  id: string;
  slug: string;
  title: string;
  description: string;
  products: { product: Parameters<typeof toCatalogProduct>[0] }[];
}): CatalogCollection {
  return { ...row, products: row.products.map((entry) => toCatalogProduct(entry.product)) };
}

/** Every collection in the merchant's order, with its products on sale. */
export async function listCollections(): Promise<CatalogCollection[]> {
  const rows = await db.collection.findMany({
    orderBy: [{ sortOrder: "asc" }, { title: "asc" }],
    select: collectionSelect,
  });
  return rows.map(toCollection);
}

export async function getCollectionBySlug(slug: string): Promise<CatalogCollection | null> {
  const row = await db.collection.findUnique({ where: { slug }, select: collectionSelect });
  return row ? toCollection(row) : null;
}
