// Test data helpers for integration tests: products of their own (unique slugs), cleaned up after.
// Test data is written straight through Prisma, stock included: the architecture test reads only
// lib/ code outside lib/test/.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

export interface TestVariantSpec {
  values: string[];
  stock: number;
  priceCents?: number | null;
  sku?: string;
}

/**
 * A product of its own with its default variant (no options), or with one option (`Size`) and a
 * variant per entry of `variants`. Answers the product, its variants in order and, for the
 * common case, `variantId` (the first variant).
 */
export async function createTestProduct(
  overrides: {
    priceCents?: number;
    stock?: number;
    name?: string;
    option?: { name: string; values: string[] };
    variants?: TestVariantSpec[];
  } = {},
) {
  const tag = randomUUID().slice(0, 8);
  const specs: TestVariantSpec[] = overrides.variants ?? [{ values: [], stock: overrides.stock ?? 10 }];
  const product = await db.product.create({
    data: {
      slug: `test-${tag}`,
      name: overrides.name ?? `Test product ${tag}`,
      description: "Made by a test.",
      priceCents: overrides.priceCents ?? 199,
      sortOrder: 1000,
      images: { create: [{ position: 0, url: "/products/field-notebook.svg", alt: "A notebook" }] },
      ...(overrides.option
        ? {
            options: {
              create: [{ name: overrides.option.name, position: 0, values: overrides.option.values }],
            },
          }
        : {}),
      variants: {
        create: specs.map((spec, position) => ({
          optionValues: spec.values,
          optionKey: spec.values.map((value) => value.toLowerCase()).join("|"),
          sku: spec.sku ?? (spec.values.length ? `T-${tag}-${spec.values.join("-")}` : null),
          priceCents: spec.priceCents ?? null,
          stock: spec.stock,
          position,
        })),
      },
    },
    include: { variants: { orderBy: { position: "asc" } } },
  });
  return { ...product, variantId: product.variants[0]!.id, stock: product.variants[0]!.stock };
}

export async function deleteTestProducts(ids: string[]) {
  await db.order.deleteMany({ where: { items: { some: { productId: { in: ids } } } } });
  await db.product.deleteMany({ where: { id: { in: ids } } });
}

/** A variant's stock as stored now. */
export async function variantStock(variantId: string): Promise<number> {
  return (await db.productVariant.findUniqueOrThrow({ where: { id: variantId }, select: { stock: true } }))
    .stock;
}
