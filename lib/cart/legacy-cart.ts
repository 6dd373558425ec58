// Carts written before variants held product ids: they move onto each product's default variant,
// so a customer's cart survives the upgrade. A product that has options now has no default
// variant: its line is dropped (the customer chooses a size again). The cookie is rewritten in
// the new format the next time the cart changes.
import "server-only";
import { db } from "@/lib/db";
import type { LegacyCartLine } from "./cart-cookie";
import { addQuantity, type CartLine } from "./cart-lines";

export async function onDefaultVariants(legacy: LegacyCartLine[]): Promise<CartLine[]> {
  if (legacy.length === 0) return [];
  const variants = await db.productVariant.findMany({
    where: { productId: { in: legacy.map((line) => line.productId) }, optionKey: "" },
    select: { id: true, productId: true },
  });
  const variantOf = new Map(variants.map((variant) => [variant.productId, variant.id]));
  return legacy.reduce<CartLine[]>((lines, line) => {
    const variantId = variantOf.get(line.productId);
    return variantId ? addQuantity(lines, variantId, line.quantity) : lines;
  }, []);
}
