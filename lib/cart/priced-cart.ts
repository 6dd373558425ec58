// The cart as the customer sees it: every price, name and stock figure read from the database.
import "server-only";
import { imageSrc, variantTitle } from "@/lib/catalog/product-shape";
import { db } from "@/lib/db";
import type { CartLine } from "./cart-lines";

export interface PricedCartLine {
  variantId: string;
  productId: string;
  slug: string;
  name: string;
  /** "M / Sand", or null for a product without options. */
  variantTitle: string | null;
  /** The product's first image, or null when it has none. */
  imageSrc: string | null;
  unitPriceCents: number;
  quantity: number;
  lineTotalCents: number;
  /** Units still for sale; below `quantity` means checkout will refuse this line. */
  available: number;
}

export interface PricedCart {
  lines: PricedCartLine[];
  totalCents: number;
  itemCount: number;
}

/** The variants on sale among `variantIds`, with what the cart shows of them. */
export async function sellableVariants(variantIds: string[]) {
  const variants = await db.productVariant.findMany({
    where: { id: { in: variantIds }, archivedAt: null, product: { status: "ACTIVE" } },
    select: {
      id: true,
      optionValues: true,
      priceCents: true,
      stock: true,
      product: {
        select: {
          id: true,
          slug: true,
          name: true,
          priceCents: true,
          images: {
            orderBy: [{ position: "asc" }, { id: "asc" }],
            take: 1,
            select: { url: true, blobHash: true },
          },
        },
      },
    },
  });
  return new Map(variants.map((variant) => [variant.id, variant]));
}

/** Prices the cart; lines whose variant is gone, archived or of a product off the store are dropped. */
export async function priceCart(lines: CartLine[]): Promise<PricedCart> {
  if (lines.length === 0) return { lines: [], totalCents: 0, itemCount: 0 };
  const byId = await sellableVariants(lines.map((line) => line.variantId));
  const priced = lines.flatMap((line): PricedCartLine[] => {
    const variant = byId.get(line.variantId);
    if (!variant) return [];
    const { product } = variant;
    const unitPriceCents = variant.priceCents ?? product.priceCents;
    const image = product.images[0];
    return [
      {
        variantId: variant.id,
        productId: product.id,
        slug: product.slug,
        name: product.name,
        variantTitle: variantTitle(variant.optionValues),
        imageSrc: image ? imageSrc(image) : null,
        unitPriceCents,
        quantity: line.quantity,
        lineTotalCents: unitPriceCents * line.quantity,
        available: Math.max(0, variant.stock),
      },
    ];
  });
  return {
    lines: priced,
    totalCents: priced.reduce((sum, line) => sum + line.lineTotalCents, 0),
    itemCount: priced.reduce((sum, line) => sum + line.quantity, 0),
  };
}
