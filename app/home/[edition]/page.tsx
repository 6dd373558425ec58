// The home page, prerendered on its first visit and served from the cache until the catalogue
// changes. proxy.ts rewrites "/" here: a route with a parameter is not rendered at build time,
// and the build needs no database (lib/catalog/catalogue-routes.ts).
import Link from "next/link";
import { notFound } from "next/navigation";
import { HomeHero } from "@/components/shop/home-hero";
import { ProductGrid } from "@/components/shop/product-grid";
import { Container } from "@/components/ui/container";
import { listActiveProducts, listCollections } from "@/lib/catalog";
import { listingsTag } from "@/lib/catalog/cache-tags";
import { HOME_EDITION } from "@/lib/catalog/catalogue-routes";
import { tagCataloguePage } from "@/lib/catalog/page-tags";

// Rendered on the first visit, not at build time.
export function generateStaticParams() {
  return [];
}
// The safety net for changes made where no tag can be revalidated (lib/catalog/cache-tags.ts).
export const revalidate = 60;

export default async function HomePage({ params }: { params: Promise<{ edition: string }> }) {
  if ((await params).edition !== HOME_EDITION) notFound();
  await tagCataloguePage(listingsTag);
  const [products, collections] = await Promise.all([listActiveProducts(), listCollections()]);

  return (
    <>
      <HomeHero
        images={products
          .flatMap((product) => product.images.slice(0, 1).map((image) => image.src))
          .slice(0, 3)}
      />

      <Container className="pt-12">
        {collections.length ? (
          <nav aria-label="Collections" className="mb-10">
            <ul className="flex flex-wrap gap-2">
              {collections.map((collection) => (
                <li key={collection.id}>
                  <Link
                    href={`/collections/${collection.slug}`}
                    className="inline-flex h-10 items-center rounded-full border border-line bg-surface px-4 text-sm font-medium transition-colors hover:border-brand hover:text-brand"
                  >
                    {collection.title}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <section aria-labelledby="catalogue-title">
          <div className="mb-6 flex items-baseline justify-between gap-4">
            <h2 id="catalogue-title" className="font-display text-2xl font-semibold tracking-tight">
              The shop
            </h2>
            <p className="text-sm text-muted">
              {products.length} {products.length === 1 ? "item" : "items"}
            </p>
          </div>
          <ProductGrid products={products} />
        </section>
      </Container>
    </>
  );
}
