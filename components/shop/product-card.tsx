import Image from "next/image";
import Link from "next/link";
import type { CatalogProduct } from "@/lib/catalog";
import { ProductPrice } from "./product-price";
import { StockBadge } from "./stock-badge";

interface ProductCardProps {
  product: CatalogProduct;
  /** Load eagerly instead of lazily: for the first row, above the fold on most screens. */
  eager?: boolean;
}

export function ProductCard({ product, eager = false }: ProductCardProps) {
  const soldOut = product.available <= 0;
  const image = product.images[0];
  return (
    <article className="group relative flex h-full flex-col overflow-hidden rounded-2xl border border-line bg-surface transition-colors hover:border-brand has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-brand has-[a:focus-visible]:ring-offset-2 has-[a:focus-visible]:ring-offset-canvas">
      <div className="relative aspect-square overflow-hidden bg-brand-soft">
        {/* alt="" because the product name right below says the same; reading both is noise. */}
        {image ? (
          <Image
            src={image.src}
            alt=""
            fill
            unoptimized
            loading={eager ? "eager" : "lazy"}
            sizes="(min-width: 1024px) 33vw, (min-width: 640px) 50vw, 100vw"
            className={`object-cover transition-transform duration-300 group-hover:scale-[1.03] ${soldOut ? "opacity-60 grayscale" : ""}`}
          />
        ) : null}
      </div>

      <div className="flex flex-1 flex-col gap-3 p-5">
        <div className="flex items-start justify-between gap-3">
          <h3 className="font-display text-base leading-snug font-semibold">
            {/* The stretched ::after makes the whole card clickable while the link's name stays the
                product name; the card draws the focus ring (the article's has-[] ring) instead. */}
            <Link
              href={`/products/${product.slug}`}
              className="after:absolute after:inset-0 focus-visible:outline-none"
            >
              {product.name}
            </Link>
          </h3>
          <ProductPrice
            cents={product.priceCents}
            from={product.priceVaries}
            compareAtCents={product.compareAtCents}
            className="shrink-0 text-base font-semibold"
          />
        </div>
        <div className="mt-auto">
          <StockBadge available={product.available} />
        </div>
      </div>
    </article>
  );
}
