// A product with a chosen variant. Customers see /products/<slug>?variant=<id> (shareable, works
// without JavaScript); proxy.ts rewrites it here, so each variant's page is prerendered too.
import type { Metadata } from "next";
import { ProductPage, productMetadata } from "../product-page";

interface VariantRouteProps {
  params: Promise<{ slug: string; variant: string }>;
}

export function generateStaticParams() {
  return [];
}
export const revalidate = 60;

export async function generateMetadata({ params }: VariantRouteProps): Promise<Metadata> {
  const { slug, variant } = await params;
  return productMetadata(slug, variant);
}

export default async function VariantRoute({ params }: VariantRouteProps) {
  const { slug, variant } = await params;
  return <ProductPage slug={slug} variantId={variant} />;
}
