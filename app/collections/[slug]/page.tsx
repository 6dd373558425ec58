// A collection's page: prerendered on its first visit and served from the cache until the
// collection or one of the products on sale changes (lib/catalog/cache-tags.ts).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ProductGrid } from "@/components/shop/product-grid";
import { Container } from "@/components/ui/container";
import { getCollectionBySlug } from "@/lib/catalog";
import { collectionTag, listingsTag } from "@/lib/catalog/cache-tags";
import { tagCataloguePage } from "@/lib/catalog/page-tags";

interface CollectionRouteProps {
  params: Promise<{ slug: string }>;
}

const loadCollection = cache(getCollectionBySlug);

export function generateStaticParams() {
  return [];
}
// The safety net for changes made where no tag can be revalidated (lib/catalog/cache-tags.ts).
export const revalidate = 60;

export async function generateMetadata({ params }: CollectionRouteProps): Promise<Metadata> {
  const collection = await loadCollection((await params).slug);
  if (!collection) return { title: "Collection not found" };
  return {
    title: collection.title,
    description: collection.description || undefined,
    alternates: { canonical: `/collections/${collection.slug}` },
    openGraph: { title: collection.title, description: collection.description || undefined },
  };
}

export default async function CollectionPage({ params }: CollectionRouteProps) {
  const { slug } = await params;
  await tagCataloguePage(listingsTag, collectionTag(slug));
  const collection = await loadCollection(slug);
  if (!collection) notFound();

  return (
    <Container className="py-8 sm:py-12">
      <div className="mb-8 max-w-2xl">
        <h1 className="font-display text-3xl font-semibold tracking-tight text-balance sm:text-4xl">
          {collection.title}
        </h1>
        {collection.description ? (
          <p className="mt-3 text-lg leading-relaxed text-pretty text-muted">{collection.description}</p>
        ) : null}
        <p className="mt-2 text-sm text-muted">
          {collection.products.length} {collection.products.length === 1 ? "item" : "items"}
        </p>
      </div>
      <section aria-labelledby="collection-products">
        <h2 id="collection-products" className="sr-only">
          Products
        </h2>
        <ProductGrid products={collection.products} />
      </section>
    </Container>
  );
}
