// Writes a product's own fields, its slug's history and its collections. Stock is not here: it
// belongs to the order store (lib/orders/store), and a new product's default variant starts at
// its column default (0) until the merchant adjusts it.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProductStatus } from "@/lib/generated/prisma/enums";
import { lockProductAndVariants } from "./lock-product";
import type { ProductInput } from "./product-form";
import { isUniqueViolation } from "./unique-violation";

type Transaction = Prisma.TransactionClient;

export type WriteResult<T = undefined> =
  { ok: true; data: T } | { ok: false; field?: string; message: string };

const slugTaken = (slug: string) => ({
  ok: false as const,
  field: "slug",
  message: `Another product already uses the slug "${slug}". Choose another.`,
});

function productData(input: ProductInput) {
  const { collectionIds: _, ...fields } = input;
  return fields;
}

/** Adds the product to the collections it was not in (at their end), leaves the others. */
async function setCollections(tx: Transaction, productId: string, collectionIds: string[]) {
  await tx.collectionProduct.deleteMany({ where: { productId, collectionId: { notIn: collectionIds } } });
  const current = await tx.collectionProduct.findMany({
    where: { productId },
    select: { collectionId: true },
  });
  const have = new Set(current.map((row) => row.collectionId));
  for (const collectionId of collectionIds.filter((id) => !have.has(id))) {
    const last = await tx.collectionProduct.aggregate({ where: { collectionId }, _max: { position: true } });
    await tx.collectionProduct.create({
      data: { collectionId, productId, position: (last._max.position ?? -1) + 1 },
    });
  }
}

async function unknownCollection(collectionIds: string[]): Promise<boolean> {
  if (collectionIds.length === 0) return false;
  const found = await db.collection.count({ where: { id: { in: collectionIds } } });
  return found !== new Set(collectionIds).size;
}

export async function createProduct(input: ProductInput): Promise<WriteResult<{ id: string }>> {
  if (await db.product.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    return slugTaken(input.slug);
  }
  if (await unknownCollection(input.collectionIds)) {
    return { ok: false, field: "collectionIds", message: "One of the collections no longer exists." };
  }
  try {
    const product = await db.$transaction(async (tx) => {
      // A live product's slug wins over an old one that redirected elsewhere.
      await tx.productSlugRedirect.deleteMany({ where: { slug: input.slug } });
      const created = await tx.product.create({
        data: { ...productData(input), variants: { create: { optionKey: "", optionValues: [] } } },
        select: { id: true },
      });
      await setCollections(tx, created.id, input.collectionIds);
      return created;
    });
    return { ok: true, data: product };
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken(input.slug);
    throw error;
  }
}

/** Saves the form; a new slug leaves a redirect from the old one, so shared links keep working. */
export async function updateProduct(id: string, input: ProductInput): Promise<WriteResult> {
  const current = await db.product.findUnique({ where: { id }, select: { slug: true } });
  if (!current) return { ok: false, message: "This product no longer exists." };
  if (current.slug !== input.slug) {
    const owner = await db.product.findUnique({ where: { slug: input.slug }, select: { id: true } });
    if (owner) return slugTaken(input.slug);
  }
  if (await unknownCollection(input.collectionIds)) {
    return { ok: false, field: "collectionIds", message: "One of the collections no longer exists." };
  }
  try {
    await db.$transaction(async (tx) => {
      await tx.product.update({ where: { id }, data: productData(input) });
      if (current.slug !== input.slug) {
        await tx.productSlugRedirect.deleteMany({ where: { slug: input.slug } });
        await tx.productSlugRedirect.upsert({
          where: { slug: current.slug },
          create: { slug: current.slug, productId: id },
          update: { productId: id },
        });
      }
      await setCollections(tx, id, input.collectionIds);
    });
    return { ok: true, data: undefined };
  } catch (error) {
    if (isUniqueViolation(error)) return slugTaken(input.slug);
    throw error;
  }
}

export async function setProductStatus(id: string, status: ProductStatus): Promise<WriteResult> {
  const { count } = await db.product.updateMany({ where: { id }, data: { status } });
  return count ? { ok: true, data: undefined } : { ok: false, message: "This product no longer exists." };
}

/**
 * Deletes a product that no order line references (its variants, options, images, redirects and
 * collection places go with it; uploaded image bytes stay, other products may show them).
 * Locked first (lock-product.ts), so no order line can appear between the check and the delete.
 */
export async function deleteProduct(id: string): Promise<WriteResult> {
  return db.$transaction(async (tx) => {
    if (!(await lockProductAndVariants(tx, id)))
      return { ok: false, message: "This product no longer exists." };
    const variants = await tx.productVariant.findMany({ where: { productId: id }, select: { id: true } });
    const variantIds = variants.map((row) => row.id);
    const lines = await tx.orderItem.count({
      where: { OR: [{ productId: id }, { variantId: { in: variantIds } }] },
    });
    if (lines > 0) {
      return {
        ok: false,
        message:
          `${lines} order ${lines === 1 ? "line references" : "lines reference"} this product, so it ` +
          "cannot be deleted. Archive it instead: it leaves the store and stays on those orders.",
      };
    }
    const { count } = await tx.product.deleteMany({ where: { id } });
    return count ? { ok: true, data: undefined } : { ok: false, message: "This product no longer exists." };
  });
}
