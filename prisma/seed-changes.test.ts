import { describe, expect, it } from "vitest";
import { productChanges, type StoredProduct } from "./seed-changes";
import type { SeedProduct } from "./seed-data";

const seed: SeedProduct = {
  slug: "tee",
  name: "Tee",
  description: "Soft.",
  priceCents: 400,
  images: [{ url: "/products/tee.svg", alt: "" }],
  options: [{ name: "Size", values: ["S", "M"] }],
  variants: [
    { values: ["S"], sku: "TEE-S", stock: 3, priceCents: 350 },
    { values: ["M"], sku: "TEE-M", stock: 4 },
  ],
  sortOrder: 10,
};

const stored: StoredProduct = {
  name: "Tee",
  description: "Soft.",
  priceCents: 400,
  sortOrder: 10,
  images: [{ url: "/products/tee.svg", alt: "" }],
  options: [{ name: "Size", values: ["S", "M"] }],
  variants: [
    { optionKey: "s", optionValues: ["S"], sku: "TEE-S", priceCents: 350, archivedAt: null },
    { optionKey: "m", optionValues: ["M"], sku: "TEE-M", priceCents: null, archivedAt: null },
  ],
};

describe("productChanges", () => {
  it("finds nothing when the product matches the file, whatever its stock", () => {
    expect(
      productChanges(stored, { ...seed, variants: seed.variants.map((v) => ({ ...v, stock: 99 })) }),
    ).toEqual([]);
  });

  it("names each field that changes", () => {
    expect(
      productChanges(
        { ...stored, description: "Old.", sortOrder: 5, images: [] },
        { ...seed, images: [{ url: "/products/tee-2.svg", alt: "Back" }] },
      ),
    ).toEqual(["description changed", "position 5 → 10", "images: /products/tee-2.svg"]);
  });

  it("reports variants created, archived, back on sale, re-priced and re-numbered", () => {
    const changes = productChanges(
      {
        ...stored,
        variants: [
          { ...stored.variants[0]!, sku: null, archivedAt: new Date() },
          { optionKey: "xl", optionValues: ["XL"], sku: "TEE-XL", priceCents: 500, archivedAt: null },
        ],
      },
      { ...seed, variants: [seed.variants[0]!, { ...seed.variants[1]!, priceCents: 420 }] },
    );
    expect(changes).toEqual([
      "variant S back on sale",
      "S SKU none → TEE-S",
      "new variant M (4 in stock)",
      "variant XL archived (kept for past orders)",
    ]);
    expect(
      productChanges(stored, {
        ...seed,
        variants: [seed.variants[0]!, { ...seed.variants[1]!, priceCents: 420 }],
      }),
    ).toEqual(["M price the product's → $4.20"]);
    expect(
      productChanges(stored, {
        ...seed,
        variants: [{ ...seed.variants[0]!, priceCents: undefined }, seed.variants[1]!],
      }),
    ).toEqual(["S price $3.50 → the product's"]);
  });

  it("says when a product loses its options", () => {
    expect(
      productChanges(stored, {
        ...seed,
        options: undefined,
        variants: [{ values: [], sku: "TEE", stock: 1 }],
      }),
    ).toEqual([
      "options: none",
      "new variant default variant (1 in stock)",
      "variant S archived (kept for past orders)",
      "variant M archived (kept for past orders)",
    ]);
  });
});
