// Catalogue reads for server components. `server-only`, never `'use server'`: a read exposed as
// a server action would become a public endpoint.
import "server-only";
import { db } from "@/lib/db";

export interface CatalogProduct {
  id: string;
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  imagePath: string;
  /** Units a customer can still buy: on hand minus those held by open orders. */
  available: number;
}

const productFields = {
  id: true,
  slug: true,
  name: true,
  description: true,
  priceCents: true,
  imagePath: true,
  stock: true,
} as const;

type ProductRow = { stock: number } & Omit<CatalogProduct, "available">;

function toCatalogProduct({ stock, ...product }: ProductRow): CatalogProduct {
  return { ...product, available: Math.max(0, stock) };
}

export async function listActiveProducts(): Promise<CatalogProduct[]> {
  const rows = await db.product.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: productFields,
  });
  return rows.map(toCatalogProduct);
}

/** The active product with this slug, or null (inactive products are not for sale). */
export async function getProductBySlug(slug: string): Promise<CatalogProduct | null> {
  const row = await db.product.findFirst({ where: { slug, active: true }, select: productFields });
  return row ? toCatalogProduct(row) : null;
}
