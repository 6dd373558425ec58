// The catalogue admin's reads: lists, the edit pages, the stock history. `server-only`, never
// 'use server' (a read exposed as an action would be a public endpoint).
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ProductStatus } from "@/lib/generated/prisma/enums";
import { unitsHeldByOpenOrders } from "@/lib/orders/order-store";

export const PRODUCT_STATUS_FILTERS = ["all", ...Object.values(ProductStatus)] as const;
export type ProductStatusFilter = (typeof PRODUCT_STATUS_FILTERS)[number];

export interface ProductListQuery {
  q: string;
  status: ProductStatusFilter;
  collectionId: string;
  /** 1-based. */
  page: number;
}

export const PRODUCT_PAGE_SIZE = 50;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export function parseProductListQuery(
  params: Record<string, string | string[] | undefined>,
): ProductListQuery {
  const status = first(params.status).toUpperCase();
  const page = Number(first(params.page));
  return {
    q: first(params.q).trim().slice(0, 100),
    status: (PRODUCT_STATUS_FILTERS as readonly string[]).includes(status)
      ? (status as ProductStatus)
      : "all",
    collectionId: /^[0-9a-f-]{36}$/i.test(first(params.collection)) ? first(params.collection) : "",
    page: Number.isSafeInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/**
 * One page of the products matching the filters, in the store's order (then newest first), with
 * stock summed over their live variants, and how many match in all.
 */
export async function listProducts(query: ProductListQuery) {
  const where: Prisma.ProductWhereInput = {
    ...(query.status !== "all" ? { status: query.status } : {}),
    ...(query.collectionId ? { collections: { some: { collectionId: query.collectionId } } } : {}),
    ...(query.q
      ? {
          OR: [
            { name: { contains: query.q, mode: "insensitive" } },
            { slug: { contains: query.q, mode: "insensitive" } },
            { variants: { some: { sku: { contains: query.q, mode: "insensitive" } } } },
          ],
        }
      : {}),
  };
  const total = await db.product.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PRODUCT_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const products = await db.product.findMany({
    where,
    orderBy: [{ sortOrder: "asc" }, { createdAt: "desc" }, { id: "asc" }],
    skip: (page - 1) * PRODUCT_PAGE_SIZE,
    take: PRODUCT_PAGE_SIZE,
    select: {
      id: true,
      name: true,
      slug: true,
      status: true,
      priceCents: true,
      images: { orderBy: { position: "asc" }, take: 1, select: { blobHash: true, url: true, alt: true } },
      variants: { where: { archivedAt: null }, select: { id: true, stock: true, sku: true } },
    },
  });
  const held = await unitsHeldByOpenOrders(products.flatMap((product) => product.variants.map((v) => v.id)));
  const rows = products.map((product) => ({
    ...product,
    stock: product.variants.reduce((sum, variant) => sum + variant.stock, 0),
    held: product.variants.reduce((sum, variant) => sum + (held[variant.id] ?? 0), 0),
    variantCount: product.variants.length,
  }));
  return { rows, total, page, pageCount };
}

export type ProductListRow = Awaited<ReturnType<typeof listProducts>>["rows"][number];

/** Everything the edit page shows, or null. */
export async function getProductForEdit(id: string) {
  const product = await db.product.findUnique({
    where: { id },
    include: {
      options: { orderBy: { position: "asc" } },
      variants: {
        orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { position: "asc" }],
        include: { _count: { select: { orderItems: true } } },
      },
      images: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        include: { blob: { select: { width: true, height: true, contentType: true, byteSize: true } } },
      },
      collections: { select: { collectionId: true } },
      slugRedirects: { orderBy: { createdAt: "desc" }, select: { slug: true } },
      _count: { select: { orderItems: true } },
    },
  });
  if (!product) return null;
  const held = await unitsHeldByOpenOrders(product.variants.map((variant) => variant.id));
  return { ...product, held };
}

export type ProductForEdit = NonNullable<Awaited<ReturnType<typeof getProductForEdit>>>;

/** The last stock changes made by people, for one product, newest first. */
export async function stockHistory(productId: string, take = 50) {
  return db.stockAdjustment.findMany({
    where: { variant: { productId } },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      delta: true,
      stockAfter: true,
      reason: true,
      actor: true,
      createdAt: true,
      variant: { select: { optionValues: true, sku: true } },
    },
  });
}

export async function listCollections() {
  return db.collection.findMany({
    orderBy: [{ sortOrder: "asc" }, { title: "asc" }],
    select: { id: true, title: true, slug: true, sortOrder: true, _count: { select: { products: true } } },
  });
}

export async function getCollectionForEdit(id: string) {
  return db.collection.findUnique({
    where: { id },
    include: {
      products: {
        orderBy: [{ position: "asc" }, { productId: "asc" }],
        select: { product: { select: { id: true, name: true, status: true, slug: true } } },
      },
    },
  });
}

/** Every product by name, for "add a product" pickers. */
export async function productChoices() {
  return db.product.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, status: true } });
}
