// The product page for both routes: /products/[slug] (the default variant) and
// /products/[slug]/[variant] (proxy.ts rewrites `?variant=` there). Both are prerendered on their
// first visit and served from the cache until the product changes (lib/catalog/cache-tags.ts).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { ProductDetail } from "@/components/shop/product-detail";
import { ProductJsonLd } from "@/components/shop/product-json-ld";
import { Container } from "@/components/ui/container";
import { getProductBySlug } from "@/lib/catalog";
import { listingsTag, productTag } from "@/lib/catalog/cache-tags";
import { productHref } from "@/lib/catalog/catalogue-routes";
import { tagCataloguePage } from "@/lib/catalog/page-tags";
import { selectedVariant } from "@/lib/catalog/variant-choice";

// generateMetadata and the page both need the product: cache() makes that one query per render.
const loadProduct = cache(getProductBySlug);

async function load(slug: string, variantId: string | undefined) {
  const found = await loadProduct(slug);
  // An unknown or moved slug changes when a product is created or renamed: the listings' tag.
  await tagCataloguePage(found && "product" in found ? productTag(found.product.id) : listingsTag);
  if (!found) notFound();
  if ("movedTo" in found) permanentRedirect(productHref(found.movedTo, variantId));
  const { product } = found;
  const selected = selectedVariant(product, variantId);
  // An id that is not one of this product's variants: the product's own page, not a copy of it.
  if (!selected || (variantId && selected.id !== variantId)) permanentRedirect(productHref(product.slug));
  return { product, selected };
}

export async function productMetadata(slug: string, variantId?: string): Promise<Metadata> {
  const found = await loadProduct(slug);
  if (!found || !("product" in found)) return { title: "Product not found" };
  const { product } = found;
  const title = product.seoTitle ?? product.name;
  const description = (product.seoDescription ?? product.description).slice(0, 300);
  const images = product.images.slice(0, 1).map((image) => ({ url: image.src, alt: image.alt }));
  return {
    title,
    description,
    // One canonical page per product, whichever variant is shown.
    alternates: { canonical: productHref(product.slug) },
    openGraph: { type: "website", title, description, url: productHref(product.slug, variantId), images },
    twitter: { card: images.length ? "summary_large_image" : "summary", title, description, images },
  };
}

export async function ProductPage({ slug, variantId }: { slug: string; variantId?: string }) {
  const { product, selected } = await load(slug, variantId);
  return (
    <Container className="py-8 sm:py-12">
      <ProductJsonLd product={product} />
      <nav aria-label="Breadcrumb" className="mb-6 text-sm sm:mb-8">
        <ol className="flex min-w-0 items-center gap-2 text-muted">
          <li>
            <Link href="/" className="underline-offset-4 hover:text-ink hover:underline">
              Shop
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" className="min-w-0 truncate font-medium text-ink">
            {product.name}
          </li>
        </ol>
      </nav>
      <ProductDetail product={product} selected={selected} />
    </Container>
  );
}
