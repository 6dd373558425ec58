import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { ProductDetail } from "@/components/shop/product-detail";
import { Container } from "@/components/ui/container";
import { getProductBySlug } from "@/lib/catalog";
import { selectedVariant } from "@/lib/catalog/variant-choice";

interface ProductPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ variant?: string | string[] }>;
}

// generateMetadata and the page both need the product: cache() makes that one query per request.
const loadProduct = cache(getProductBySlug);

export async function generateMetadata({ params }: ProductPageProps): Promise<Metadata> {
  await connection();
  const { slug } = await params;
  const found = await loadProduct(slug);
  if (!found || !("product" in found)) return { title: "Product not found" };
  const { product } = found;
  const description = product.seoDescription ?? product.description;
  return {
    title: product.seoTitle ?? product.name,
    description,
    openGraph: {
      title: product.seoTitle ?? product.name,
      description,
      images: product.images.slice(0, 1).map((image) => image.src),
    },
  };
}

export default async function ProductPage({ params, searchParams }: ProductPageProps) {
  // Render per request: the availability shown must be the live one, never a prerendered copy.
  await connection();
  const { slug } = await params;
  const found = await loadProduct(slug);
  // Before anything streams, so the response carries a real status (404, or 308 for an old slug).
  if (!found) notFound();
  if ("movedTo" in found) permanentRedirect(`/products/${found.movedTo}`);
  const { product } = found;
  const selected = selectedVariant(product, (await searchParams).variant);
  if (!selected) notFound();

  return (
    <Container className="py-8 sm:py-12">
      <nav aria-label="Breadcrumb" className="mb-6 text-sm sm:mb-8">
        <ol className="flex items-center gap-2 text-muted">
          <li>
            <Link href="/" className="underline-offset-4 hover:text-ink hover:underline">
              Shop
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" className="truncate font-medium text-ink">
            {product.name}
          </li>
        </ol>
      </nav>
      <ProductDetail product={product} selected={selected} />
    </Container>
  );
}
