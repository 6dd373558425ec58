// /search?q=…&sort=…: rendered per request (the query is the customer's), with the strict
// per-request policy. A GET form: works without JavaScript, and a search is a shareable URL.
import type { Metadata } from "next";
import { connection } from "next/server";
import Link from "next/link";
import { ProductGrid } from "@/components/shop/product-grid";
import { SearchSortForm } from "@/components/shop/search-sort-form";
import { Container } from "@/components/ui/container";
import { searchProducts } from "@/lib/catalog/search";
import { parseSort, searchTerms } from "@/lib/catalog/search-query";
import { kick } from "@/lib/background";

interface SearchPageProps {
  searchParams: Promise<{ q?: string | string[]; sort?: string | string[] }>;
}

export const metadata: Metadata = { title: "Search", robots: { index: false } };

export default async function SearchPage({ searchParams }: SearchPageProps) {
  // Per request: the customer's own page, under the strict nonce policy (proxy.ts).
  await connection();
  const params = await searchParams;
  const query = (Array.isArray(params.q) ? params.q[0] : params.q)?.trim().slice(0, 200) ?? "";
  const sort = parseSort(params.sort);
  const terms = searchTerms(query);
  // The catalogue pages are prerendered: per-request pages kick the background (lib/background/).
  kick("visit");
  const products = await searchProducts(terms, sort);

  return (
    <Container className="py-8 sm:py-12">
      <form action="/search" role="search" aria-label="Search again" className="mb-8 flex max-w-xl gap-2">
        <label htmlFor="search-query" className="sr-only">
          Search the shop
        </label>
        <input
          id="search-query"
          type="search"
          name="q"
          defaultValue={query}
          maxLength={200}
          placeholder="Search the shop"
          className="h-11 min-w-0 flex-1 rounded-full border border-line bg-surface px-4 text-sm placeholder:text-muted"
        />
        <input type="hidden" name="sort" value={sort} />
        <button
          type="submit"
          className="h-11 shrink-0 rounded-full bg-brand px-5 text-sm font-semibold text-white hover:bg-brand-strong"
        >
          Search
        </button>
      </form>
      <div className="mb-8 flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="font-display text-3xl font-semibold tracking-tight break-words">
            {query ? <>Results for &ldquo;{query}&rdquo;</> : "Search the shop"}
          </h1>
          {terms.length ? (
            <p className="mt-2 text-sm text-muted" aria-live="polite">
              {products.length} {products.length === 1 ? "product" : "products"}
            </p>
          ) : null}
        </div>
        {products.length > 1 ? <SearchSortForm query={query} sort={sort} /> : null}
      </div>
      {terms.length === 0 ? (
        <p className="text-muted">Type a word in the search box: a product&apos;s name or something it is.</p>
      ) : products.length ? (
        <section aria-labelledby="search-results">
          <h2 id="search-results" className="sr-only">
            Products found
          </h2>
          <ProductGrid products={products} />
        </section>
      ) : (
        <div className="rounded-2xl border border-dashed border-line bg-surface p-10 text-center">
          <p className="font-medium">Nothing matches &ldquo;{query}&rdquo;.</p>
          <p className="mt-1 text-sm text-muted">
            Try fewer or shorter words, or{" "}
            <Link href="/" className="font-medium text-brand underline underline-offset-4">
              browse everything in the shop
            </Link>
            .
          </p>
        </div>
      )}
    </Container>
  );
}
