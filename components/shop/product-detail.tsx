import Link from "next/link";
import { AddToCartForm } from "@/components/cart/add-to-cart-form";
import type { CatalogProduct, CatalogVariant } from "@/lib/catalog";
import { storeConfig } from "@/lib/store-config";
import { ProductDescription } from "./product-description";
import { ProductGallery } from "./product-gallery";
import { ProductPrice } from "./product-price";
import { StockBadge } from "./stock-badge";
import { VariantPicker } from "./variant-picker";

/** The product page's body, for the variant chosen in the URL (`selected`). */
export function ProductDetail({ product, selected }: { product: CatalogProduct; selected: CatalogVariant }) {
  const soldOut = selected.available <= 0;
  return (
    <article className="grid min-w-0 gap-8 md:grid-cols-2 md:gap-12 lg:gap-16">
      <ProductGallery images={product.images} name={product.name} dimmed={product.available <= 0} />

      <div className="flex min-w-0 flex-col gap-6 md:py-4">
        <div className="space-y-3">
          <h1 className="font-display text-3xl font-semibold tracking-tight text-balance sm:text-4xl">
            {product.name}
          </h1>
          <div className="flex flex-wrap items-center gap-3" aria-live="polite">
            <ProductPrice
              cents={selected.priceCents}
              compareAtCents={product.compareAtCents}
              className="text-2xl font-semibold"
            />
            <StockBadge available={selected.available} />
          </div>
        </div>

        <ProductDescription markdown={product.description} />

        <VariantPicker product={product} selected={selected} />

        {soldOut ? (
          <p className="text-sm text-muted">
            {selected.title ? `${selected.title} is` : "This one is"} sold out for now.{" "}
            <Link href="/" className="font-medium text-brand underline underline-offset-4">
              See what else is in stock
            </Link>
            .
          </p>
        ) : (
          <AddToCartForm key={selected.id} variantId={selected.id} available={selected.available} />
        )}

        <dl className="grid gap-3 rounded-2xl border border-line bg-surface p-5 text-sm text-muted">
          {selected.sku ? (
            <div className="flex gap-3">
              <dt className="w-24 shrink-0 font-medium text-ink">SKU</dt>
              <dd className="font-mono">{selected.sku}</dd>
            </div>
          ) : null}
          <div className="flex gap-3">
            <dt className="w-24 shrink-0 font-medium text-ink">Payment</dt>
            <dd>
              Crypto from your own wallet on Ethereum, Base or Solana, through QBitFlow (non-custodial: no one
              in between holds your funds).
            </dd>
          </div>
          <div className="flex gap-3">
            <dt className="w-24 shrink-0 font-medium text-ink">Shipping</dt>
            <dd>{product.digital ? "Nothing to ship: delivered by email." : storeConfig.shippingNote}</dd>
          </div>
        </dl>
      </div>
    </article>
  );
}
