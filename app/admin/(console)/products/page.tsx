// Products: search by name or SKU, filter by status and collection, stock at a glance.
import type { Metadata } from "next";
import { ProductsTable } from "@/components/admin/catalogue/products-table";
import { AdminListPage } from "@/components/admin/shared/list-page";
import { ButtonLink } from "@/components/ui/button";
import { requireAdmin } from "@/lib/admin/session/session";
import {
  listCollections,
  listProducts,
  parseProductListQuery,
  PRODUCT_PAGE_SIZE,
  PRODUCT_STATUS_FILTERS,
  type ProductListQuery,
} from "@/lib/admin/catalogue/queries";
import { adminListUrl } from "@/components/admin/shared/list-url";

export const metadata: Metadata = { title: "Products" };

const STATUS_LABELS = { all: "All", ACTIVE: "Active", DRAFT: "Draft", ARCHIVED: "Archived" } as const;

function productsUrl(query: Partial<ProductListQuery>): string {
  return adminListUrl("/admin/products", {
    status: query.status?.toLowerCase(),
    collection: query.collectionId,
    q: query.q,
    page: query.page,
  });
}

export default async function AdminProductsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin();
  const params = await searchParams;
  const query = parseProductListQuery(params);
  const [list, collections] = await Promise.all([listProducts(query), listCollections()]);

  return (
    <AdminListPage
      title="Products"
      action={<ButtonLink href="/admin/products/new">Add product</ButtonLink>}
      above={
        params.deleted ? (
          <p role="status" className="text-sm text-ok">
            Product deleted.
          </p>
        ) : null
      }
      filters={{
        label: "Product status",
        current: query.status,
        tabs: PRODUCT_STATUS_FILTERS.map((value) => ({
          value,
          label: STATUS_LABELS[value],
          href: productsUrl({ ...query, status: value, page: 1 }),
        })),
      }}
      search={
        <form action="/admin/products" method="get" role="search" className="flex flex-wrap gap-2">
          {query.status !== "all" ? (
            <input type="hidden" name="status" value={query.status.toLowerCase()} />
          ) : null}
          <label htmlFor="products-collection" className="sr-only">
            Collection
          </label>
          <select
            id="products-collection"
            name="collection"
            defaultValue={query.collectionId}
            className="rounded-full border border-line bg-surface px-3 py-2 text-sm"
          >
            <option value="">All collections</option>
            {collections.map((collection) => (
              <option key={collection.id} value={collection.id}>
                {collection.title}
              </option>
            ))}
          </select>
          <label htmlFor="products-search" className="sr-only">
            Search products
          </label>
          <input
            id="products-search"
            type="search"
            name="q"
            defaultValue={query.q}
            placeholder="Name or SKU"
            className="min-w-0 flex-1 rounded-full border border-line bg-surface px-4 py-2 text-sm sm:w-64"
          />
          <button
            type="submit"
            className="rounded-full border border-line bg-surface px-4 py-2 text-sm font-semibold"
          >
            Search
          </button>
        </form>
      }
      table={<ProductsTable rows={list.rows} />}
      pagination={{
        page: list.page,
        pageCount: list.pageCount,
        total: list.total,
        pageSize: PRODUCT_PAGE_SIZE,
        noun: ["products", "product"],
        href: (page) => productsUrl({ ...query, page }),
      }}
      footnote={
        <p className="border-t border-line px-5 py-3 text-xs text-muted">
          “In stock” counts units that can still be sold; units in open (unpaid) orders are already taken out
          and shown as held: they come back if those orders expire or are cancelled.
        </p>
      }
    />
  );
}
