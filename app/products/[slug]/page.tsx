import type { Metadata } from "next";
import { ProductPage, productMetadata } from "./product-page";

interface ProductRouteProps {
  params: Promise<{ slug: string }>;
}

// Rendered on the first visit, then served from the cache (lib/catalog/catalogue-routes.ts).
export function generateStaticParams() {
  return [];
}
// The safety net for changes made where no tag can be revalidated (lib/catalog/cache-tags.ts).
export const revalidate = 60;

export async function generateMetadata({ params }: ProductRouteProps): Promise<Metadata> {
  return productMetadata((await params).slug);
}

export default async function ProductRoute({ params }: ProductRouteProps) {
  return <ProductPage slug={(await params).slug} />;
}
