// Full-text search of the products on sale (/search): PostgreSQL's tsvector over the name
// (weight A) and the description (weight B), with prefix matching, ranked by ts_rank. The same
// SQL runs on PostgreSQL and on the embedded PGlite. The document expression matches the index
// of the migration `product_search` exactly, so PostgreSQL can use it.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { toCatalogProduct } from "./product-shape";
import { productSelect } from "./products";
import { toTsQuery, type SearchSort } from "./search-query";
import type { CatalogProduct } from "./types";

const SEARCH_DOCUMENT = Prisma.sql`(setweight(to_tsvector('english'::regconfig, p."name"), 'A') || setweight(to_tsvector('english'::regconfig, p."description"), 'B'))`;

export const SEARCH_LIMIT = 48;

const ORDER: Record<SearchSort, Prisma.Sql> = {
  // Relevance first; the merchant's order breaks ties.
  featured: Prisma.sql`rank DESC, p."sortOrder" ASC, p."name" ASC`,
  "price-asc": Prisma.sql`price ASC, rank DESC, p."name" ASC`,
  "price-desc": Prisma.sql`price DESC, rank DESC, p."name" ASC`,
  newest: Prisma.sql`p."createdAt" DESC, p."name" ASC`,
};

/** The products on sale matching every word (prefixes too), in the chosen order. */
export async function searchProducts(terms: string[], sort: SearchSort): Promise<CatalogProduct[]> {
  const tsQuery = toTsQuery(terms);
  if (!tsQuery) return [];
  const hits = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT p."id", ts_rank(${SEARCH_DOCUMENT}, q.query) AS rank,
           MIN(COALESCE(v."priceCents", p."priceCents")) AS price
      FROM "Product" AS p
      JOIN "ProductVariant" AS v ON v."productId" = p."id" AND v."archivedAt" IS NULL,
           to_tsquery('english'::regconfig, ${tsQuery}) AS q(query)
     WHERE p."status" = 'ACTIVE' AND ${SEARCH_DOCUMENT} @@ q.query
     GROUP BY p."id", q.query
     ORDER BY ${ORDER[sort]}
     LIMIT ${SEARCH_LIMIT}`);
  if (!hits.length) return [];
  const rows = await db.product.findMany({
    where: { id: { in: hits.map((hit) => hit.id) } },
    select: productSelect(1),
  });
  const byId = new Map(rows.map((row) => [row.id, toCatalogProduct(row)]));
  return hits.flatMap((hit) => byId.get(hit.id) ?? []);
}
