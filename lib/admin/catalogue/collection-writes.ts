// Collections: named, ordered groups of products (a product may be in several).
import "server-only";
import { db } from "@/lib/db";
import type { CollectionInput } from "./collection-form";
import type { WriteResult } from "./product-writes";
import { isUniqueViolation } from "./unique-violation";

const slugTaken = (slug: string) => ({
  ok: false as const,
  field: "slug",
  message: `Another collection already uses the slug "${slug}". Choose another.`,
});

export async function createCollection(input: CollectionInput): Promise<WriteResult<{ id: string }>> {
  if (await db.collection.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    return slugTaken(input.slug);
  }
  try {
    const created = await db.collection.create({ data: input, select: { id: true } });
    return { ok: true, data: created };
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken(input.slug);
    throw error;
  }
}

export async function updateCollection(id: string, input: CollectionInput): Promise<WriteResult> {
  const owner = await db.collection.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (owner && owner.id !== id) return slugTaken(input.slug);
  try {
    const { count } = await db.collection.updateMany({ where: { id }, data: input });
    return count
      ? { ok: true, data: undefined }
      : { ok: false, message: "This collection no longer exists." };
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken(input.slug);
    throw error;
  }
}

/** Deletes the group only: its products stay, in their other collections too. */
export async function deleteCollection(id: string): Promise<WriteResult> {
  const { count } = await db.collection.deleteMany({ where: { id } });
  return count ? { ok: true, data: undefined } : { ok: false, message: "This collection no longer exists." };
}

export async function addToCollection(collectionId: string, productId: string): Promise<WriteResult> {
  const [collection, product] = await Promise.all([
    db.collection.findUnique({ where: { id: collectionId }, select: { id: true } }),
    db.product.findUnique({ where: { id: productId }, select: { id: true } }),
  ]);
  if (!collection) return { ok: false, message: "This collection no longer exists." };
  if (!product) return { ok: false, field: "productId", message: "Choose a product." };
  const last = await db.collectionProduct.aggregate({ where: { collectionId }, _max: { position: true } });
  await db.collectionProduct.createMany({
    data: [{ collectionId, productId, position: (last._max.position ?? -1) + 1 }],
    skipDuplicates: true,
  });
  return { ok: true, data: undefined };
}

export async function removeFromCollection(collectionId: string, productId: string): Promise<WriteResult> {
  await db.collectionProduct.deleteMany({ where: { collectionId, productId } });
  return { ok: true, data: undefined };
}

/** Swaps a product with its neighbour in the collection; positions are renumbered 0..n-1. */
export async function moveInCollection(
  collectionId: string,
  productId: string,
  direction: "up" | "down",
): Promise<WriteResult> {
  return db.$transaction(async (tx) => {
    const rows = await tx.collectionProduct.findMany({
      where: { collectionId },
      orderBy: [{ position: "asc" }, { productId: "asc" }],
      select: { productId: true },
    });
    const index = rows.findIndex((row) => row.productId === productId);
    if (index < 0) return { ok: false, message: "This product is no longer in the collection." };
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= rows.length) return { ok: true, data: undefined };
    [rows[index], rows[target]] = [rows[target]!, rows[index]!];
    for (const [position, row] of rows.entries()) {
      await tx.collectionProduct.update({
        where: { collectionId_productId: { collectionId, productId: row.productId } },
        data: { position },
      });
    }
    return { ok: true, data: undefined };
  });
}
