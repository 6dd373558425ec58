import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestProduct, deleteTestProducts } from "@/lib/test/fixtures";
import { onDefaultVariants } from "./legacy-cart";

const productIds: string[] = [];
afterAll(async () => {
  await deleteTestProducts(productIds);
  await db.$disconnect();
});

describe("a cart cookie from before variants", () => {
  it("moves each product's line onto its default variant, dropping products with options now", async () => {
    const plain = await createTestProduct({ stock: 5 });
    const sized = await createTestProduct({
      option: { name: "Size", values: ["S", "M"] },
      variants: [
        { values: ["S"], stock: 1 },
        { values: ["M"], stock: 1 },
      ],
    });
    productIds.push(plain.id, sized.id);

    expect(
      await onDefaultVariants([
        { productId: plain.id, quantity: 2 },
        { productId: sized.id, quantity: 1 },
        { productId: "gone", quantity: 1 },
        { productId: plain.id, quantity: 1 },
      ]),
    ).toEqual([{ variantId: plain.variantId, quantity: 3 }]);
    expect(await onDefaultVariants([])).toEqual([]);
  });
});
