import type { CatalogProduct } from "@/lib/catalog";
import { productHref } from "@/lib/catalog/catalogue-routes";
import { getAppUrl } from "@/lib/env";
import { storeConfig } from "@/lib/store-config";

/** schema.org data for search engines: a JSON block, never executed (CSP does not apply). */
export function productJsonLd(product: CatalogProduct, origin: string) {
  const absolute = (path: string) => new URL(path, origin).toString();
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.name,
    description: product.seoDescription ?? product.description,
    url: absolute(productHref(product.slug)),
    image: product.images.map((image) => absolute(image.src)),
    offers: product.variants.map((variant) => ({
      "@type": "Offer",
      ...(variant.title ? { name: variant.title } : {}),
      ...(variant.sku ? { sku: variant.sku } : {}),
      url: absolute(productHref(product.slug, product.variants.length > 1 ? variant.id : null)),
      price: (variant.priceCents / 100).toFixed(2),
      priceCurrency: storeConfig.currency,
      availability: variant.available > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
    })),
  };
}

export function ProductJsonLd({ product }: { product: CatalogProduct }) {
  // "<" escaped: a product name containing "</script>" cannot end the block.
  const json = JSON.stringify(productJsonLd(product, getAppUrl())).replace(/</g, "\\u003c");
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
