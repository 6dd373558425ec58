// Test data helpers for integration tests: products of their own (unique slugs), cleaned up after.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

export async function createTestProduct(
  overrides: { priceCents?: number; stock?: number; name?: string } = {},
) {
  const tag = randomUUID().slice(0, 8);
  return db.product.create({
    data: {
      slug: `test-${tag}`,
      name: overrides.name ?? `Test product ${tag}`,
      description: "Made by a test.",
      priceCents: overrides.priceCents ?? 199,
      imagePath: "/products/field-notebook.svg",
      stock: overrides.stock ?? 10,
      sortOrder: 1000,
    },
  });
}

export async function deleteTestProducts(ids: string[]) {
  await db.order.deleteMany({ where: { items: { some: { productId: { in: ids } } } } });
  await db.product.deleteMany({ where: { id: { in: ids } } });
}
