// Before a write that depends on which order lines exist (deleting a product, dropping a
// variant), lock the product, then its variants. Placing an order reads the product FOR SHARE
// and then locks its variants, so taking the locks in the same order serialises the two without
// deadlock: an order line cannot appear between our check and our write.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** False when the product no longer exists. */
export async function lockProductAndVariants(
  tx: Prisma.TransactionClient,
  productId: string,
): Promise<boolean> {
  const product = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Product" WHERE "id" = ${productId} FOR UPDATE`;
  if (product.length === 0) return false;
  await tx.$queryRaw`SELECT "id" FROM "ProductVariant" WHERE "productId" = ${productId} FOR UPDATE`;
  return true;
}
