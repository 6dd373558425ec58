import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { ProductDetail } from "@/components/shop/product-detail";
import { Container } from "@/components/ui/container";
import { getProductBySlug } from "@/lib/catalog";

interface ProductPageProps {
  params: Promise<{ slug: string }>;
}

// generateMetadata and the page both need the product: cache() makes that one query per request.
const loadProduct = cache(getProductBySlug);

export async function generateMetadata({ params }: ProductPageProps): Promise<Metadata> {
  await connection();
  const { slug } = await params;
  const product = await loadProduct(slug);
  if (!product) return { title: "Product not found" };
  return {
    title: product.name,
    description: product.description,
    openGraph: { title: product.name, description: product.description, images: [product.imagePath] },
  };
}

export default async function ProductPage({ params }: ProductPageProps) {
  // Render per request: the availability shown must be the live one, never a prerendered copy.
  await connection();
  const { slug } = await params;
  const product = await loadProduct(slug);
  // Before anything streams, so the response carries a real 404 status.
  if (!product) notFound();

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
      <ProductDetail product={product} />
    </Container>
  );
}
