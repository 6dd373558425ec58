import Image from "next/image";
import Link from "next/link";
import { AddToCartForm } from "@/components/cart/add-to-cart-form";
import { Price } from "@/components/ui/price";
import type { CatalogProduct } from "@/lib/catalog";
import { storeConfig } from "@/lib/store-config";
import { StockBadge } from "./stock-badge";

export function ProductDetail({ product }: { product: CatalogProduct }) {
  const soldOut = product.available <= 0;
  return (
    <article className="grid gap-8 md:grid-cols-2 md:gap-12 lg:gap-16">
      <div className="relative aspect-square overflow-hidden rounded-3xl border border-line bg-brand-soft">
        <Image
          src={product.imagePath}
          alt={product.name}
          fill
          unoptimized
          preload
          sizes="(min-width: 768px) 50vw, 100vw"
          className={`object-cover ${soldOut ? "opacity-60 grayscale" : ""}`}
        />
      </div>

      <div className="flex flex-col gap-6 md:py-4">
        <div className="space-y-3">
          <h1 className="font-display text-3xl font-semibold tracking-tight text-balance sm:text-4xl">
            {product.name}
          </h1>
          <div className="flex flex-wrap items-center gap-3">
            <Price cents={product.priceCents} className="text-2xl font-semibold" />
            <StockBadge available={product.available} />
          </div>
        </div>

        <p className="text-base leading-relaxed text-pretty text-muted">{product.description}</p>

        {soldOut ? (
          <p className="text-sm text-muted">
            This one is sold out for now.{" "}
            <Link href="/" className="font-medium text-brand underline underline-offset-4">
              See what else is in stock
            </Link>
            .
          </p>
        ) : (
          <AddToCartForm productId={product.id} available={product.available} />
        )}

        <dl className="grid gap-3 rounded-2xl border border-line bg-surface p-5 text-sm text-muted">
          <div className="flex gap-3">
            <dt className="w-24 shrink-0 font-medium text-ink">Payment</dt>
            <dd>
              Crypto from your own wallet on Ethereum, Base or Solana, through QBitFlow (non-custodial: no one
              in between holds your funds).
            </dd>
          </div>
          <div className="flex gap-3">
            <dt className="w-24 shrink-0 font-medium text-ink">Shipping</dt>
            <dd>{storeConfig.shippingNote}</dd>
          </div>
        </dl>
      </div>
    </article>
  );
}
