// A product's options and the variants they make, and each variant's SKU and price. Stock is
// not written here (lib/orders/store owns it): a new variant starts at the column's default, 0.
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  combinationsOf,
  optionKeyOf,
  repeatedCombination,
  variantTitleOf,
  type ProductOptionSpec,
} from "./options";
import { lockProductAndVariants } from "./lock-product";
import type { WriteResult } from "./product-writes";
import { isUniqueViolation } from "./unique-violation";

type Transaction = Prisma.TransactionClient;

export interface OptionsReport {
  created: number;
  kept: number;
  archived: number;
  deleted: number;
}

async function variantsWithOrderCounts(tx: Transaction, productId: string) {
  return tx.productVariant.findMany({
    where: { productId },
    select: { id: true, optionKey: true, archivedAt: true, _count: { select: { orderItems: true } } },
  });
}

/**
 * Replaces the product's options and brings its variants in line: a combination that still
 * exists keeps its variant (SKU, price, stock, history); a new one gets a variant; one that
 * disappears is deleted, or archived when an order references it. No options: one default variant.
 */
export async function saveOptions(
  productId: string,
  options: ProductOptionSpec[],
): Promise<WriteResult<OptionsReport>> {
  const combinations = combinationsOf(options);
  const repeated = repeatedCombination(combinations);
  if (repeated) {
    return {
      ok: false,
      field: "options",
      message: `The combination ${variantTitleOf(repeated)} would be there twice.`,
    };
  }
  return db.$transaction(async (tx) => {
    if (!(await lockProductAndVariants(tx, productId))) {
      return { ok: false, message: "This product no longer exists." };
    }
    const existing = await variantsWithOrderCounts(tx, productId);
    const byKey = new Map(existing.map((variant) => [variant.optionKey, variant]));
    const wanted = new Set(combinations.map(optionKeyOf));
    const counts: OptionsReport = { created: 0, kept: 0, archived: 0, deleted: 0 };

    await tx.productOption.deleteMany({ where: { productId } });
    await tx.productOption.createMany({
      data: options.map((option, position) => ({
        productId,
        position,
        name: option.name,
        values: option.values,
      })),
    });
    for (const [position, values] of combinations.entries()) {
      const optionKey = optionKeyOf(values);
      const variant = byKey.get(optionKey);
      if (variant) {
        await tx.productVariant.update({
          where: { id: variant.id },
          data: { optionValues: values, position, archivedAt: null },
        });
        counts.kept++;
      } else {
        await tx.productVariant.create({ data: { productId, optionKey, optionValues: values, position } });
        counts.created++;
      }
    }
    for (const variant of existing.filter((variant) => !wanted.has(variant.optionKey))) {
      if (variant._count.orderItems > 0) {
        if (variant.archivedAt) continue;
        await tx.productVariant.update({ where: { id: variant.id }, data: { archivedAt: new Date() } });
        counts.archived++;
      } else {
        await tx.productVariant.delete({ where: { id: variant.id } });
        counts.deleted++;
      }
    }
    return { ok: true, data: counts };
  });
}

export interface VariantFields {
  id: string;
  sku: string | null;
  priceCents: number | null;
}

/** Saves SKUs and price overrides; a SKU another variant has (any product, any case) is refused. */
export async function saveVariantFields(
  productId: string,
  rows: VariantFields[],
): Promise<WriteResult | { ok: false; fieldErrors: Record<string, string[]>; message: string }> {
  const fieldErrors: Record<string, string[]> = {};
  const seen = new Map<string, string>();
  for (const row of rows) {
    if (!row.sku) continue;
    const key = row.sku.toLowerCase();
    if (seen.has(key)) fieldErrors[`variant.${row.id}.sku`] = [`SKU ${row.sku} is on two variants here.`];
    seen.set(key, row.id);
  }
  const ids = rows.map((row) => row.id);
  const skus = rows.flatMap((row) => (row.sku ? [row.sku] : []));
  const taken = skus.length
    ? await db.productVariant.findMany({
        where: {
          id: { notIn: ids },
          OR: skus.map((sku) => ({ sku: { equals: sku, mode: "insensitive" as const } })),
        },
        select: { sku: true, product: { select: { name: true } } },
      })
    : [];
  for (const other of taken) {
    const row = rows.find((candidate) => candidate.sku?.toLowerCase() === other.sku?.toLowerCase())!;
    fieldErrors[`variant.${row.id}.sku`] = [`SKU ${row.sku} is already used by ${other.product.name}.`];
  }
  if (Object.keys(fieldErrors).length) {
    return { ok: false, fieldErrors, message: Object.values(fieldErrors)[0]![0]! };
  }
  const found = await db.productVariant.count({ where: { productId, id: { in: ids } } });
  if (found !== ids.length) return { ok: false, message: "The variants changed meanwhile: reload the page." };
  try {
    await db.$transaction(async (tx) => {
      // Cleared first, so two variants can swap SKUs without tripping the unique index midway.
      await tx.productVariant.updateMany({ where: { id: { in: ids } }, data: { sku: null } });
      for (const row of rows) {
        await tx.productVariant.update({
          where: { id: row.id },
          data: { sku: row.sku, priceCents: row.priceCents },
        });
      }
    });
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, message: "A SKU was just taken by another variant: try again." };
    throw error;
  }
  return { ok: true, data: undefined };
}
