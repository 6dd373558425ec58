// The cart as the customer sees it: every price, name and stock figure read from the database.
import "server-only";
import { db } from "@/lib/db";
import type { CartLine } from "./cart-lines";

export interface PricedCartLine {
  productId: string;
  slug: string;
  name: string;
  imagePath: string;
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

/** Prices the cart; lines whose product is gone or inactive are dropped. */
export async function priceCart(lines: CartLine[]): Promise<PricedCart> {
  if (lines.length === 0) return { lines: [], totalCents: 0, itemCount: 0 };
  const products = await db.product.findMany({
    where: { id: { in: lines.map((line) => line.productId) }, active: true },
    select: {
      id: true,
      slug: true,
      name: true,
      imagePath: true,
      priceCents: true,
      stock: true,
    },
  });
  const byId = new Map(products.map((product) => [product.id, product]));
  const priced = lines.flatMap((line): PricedCartLine[] => {
    const product = byId.get(line.productId);
    if (!product) return [];
    return [
      {
        productId: product.id,
        slug: product.slug,
        name: product.name,
        imagePath: product.imagePath,
        unitPriceCents: product.priceCents,
        quantity: line.quantity,
        lineTotalCents: product.priceCents * line.quantity,
        available: Math.max(0, product.stock),
      },
    ];
  });
  return {
    lines: priced,
    totalCents: priced.reduce((sum, line) => sum + line.lineTotalCents, 0),
    itemCount: priced.reduce((sum, line) => sum + line.quantity, 0),
  };
}
