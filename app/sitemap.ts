// sitemap.xml from the catalogue: the home page, every collection and every product on sale.
import type { MetadataRoute } from "next";
import { listActiveProducts, listCollections } from "@/lib/catalog";
import { getAppUrl } from "@/lib/env";

// Read per request, not at build time (the build needs no database); search engines fetch it
// rarely.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = getAppUrl();
  const url = (path: string) => new URL(path, origin).toString();
  const [products, collections] = await Promise.all([listActiveProducts(), listCollections()]);
  return [
    { url: url("/"), changeFrequency: "daily", priority: 1 },
    ...collections.map((collection) => ({ url: url(`/collections/${collection.slug}`), priority: 0.8 })),
    ...products.map((product) => ({ url: url(`/products/${product.slug}`), priority: 0.6 })),
  ];
}
