import { describe, expect, it } from "vitest";
import { imageSrc, optionKey, toCatalogProduct, variantTitle, type ProductRow } from "./product-shape";
import { optionChoices, selectedVariant } from "./variant-choice";

const row = (overrides: Partial<ProductRow> = {}): ProductRow => ({
  id: "p1",
  slug: "tote",
  name: "Tote",
  description: "d",
  priceCents: 449,
  compareAtCents: null,
  seoTitle: null,
  seoDescription: null,
  digital: false,
  images: [],
  options: [],
  variants: [{ id: "v0", optionValues: [], sku: null, priceCents: null, stock: 3 }],
  ...overrides,
});

const sized = row({
  options: [
    { name: "Size", values: ["S", "M", "L"] },
    { name: "Colour", values: ["Sand", "Forest"] },
  ],
  variants: [
    { id: "s-sand", optionValues: ["S", "Sand"], sku: "S1", priceCents: 399, stock: 0 },
    { id: "m-sand", optionValues: ["M", "Sand"], sku: "M1", priceCents: null, stock: 2 },
    { id: "m-forest", optionValues: ["M", "Forest"], sku: "M2", priceCents: null, stock: 5 },
    { id: "l-forest", optionValues: ["L", "Forest"], sku: "L2", priceCents: 479, stock: -1 },
  ],
});

describe("toCatalogProduct", () => {
  it("prices each variant (its own or the product's), sums what can be sold, and says 'from'", () => {
    const product = toCatalogProduct(sized);
    expect(product.variants.map((variant) => [variant.id, variant.priceCents, variant.available])).toEqual([
      ["s-sand", 399, 0],
      ["m-sand", 449, 2],
      ["m-forest", 449, 5],
      ["l-forest", 479, 0],
    ]);
    expect(product).toMatchObject({ priceCents: 399, priceVaries: true, available: 7 });
    expect(product.variants[1]!.title).toBe("M / Sand");
  });

  it("has one price when no variant overrides it, and no title for a default variant", () => {
    const product = toCatalogProduct(row());
    expect(product).toMatchObject({ priceCents: 449, priceVaries: false, available: 3 });
    expect(product.variants[0]!.title).toBeNull();
  });

  it("serves images from their URL or the upload route, alt falling back to the name", () => {
    const product = toCatalogProduct(
      row({
        images: [
          { url: "/products/tote.svg", blobHash: null, alt: "" },
          { url: null, blobHash: "abc123", alt: "Back" },
          { url: null, blobHash: null, alt: "broken" },
        ],
      }),
    );
    expect(product.images).toEqual([
      { src: "/products/tote.svg", alt: "Tote" },
      { src: "/images/abc123", alt: "Back" },
    ]);
    expect(imageSrc({ url: "https://cdn.example/x.png", blobHash: "h" })).toBe("https://cdn.example/x.png");
  });

  it("keys and titles option values", () => {
    expect(optionKey([" M ", "Sand"])).toBe("m|sand");
    expect(optionKey([])).toBe("");
    expect(variantTitle(["M", "Sand"])).toBe("M / Sand");
    expect(variantTitle([])).toBeNull();
  });
});

describe("the variant choice", () => {
  const product = toCatalogProduct(sized);

  it("takes the variant in the URL, else the first in stock, else the first", () => {
    expect(selectedVariant(product, "l-forest")?.id).toBe("l-forest");
    expect(selectedVariant(product, ["m-forest", "x"])?.id).toBe("m-forest");
    expect(selectedVariant(product, "unknown")?.id).toBe("m-sand");
    expect(selectedVariant(product, undefined)?.id).toBe("m-sand");
    const soldOut = toCatalogProduct(
      row({ variants: [{ id: "v0", optionValues: [], sku: null, priceCents: null, stock: 0 }] }),
    );
    expect(selectedVariant(soldOut, undefined)?.id).toBe("v0");
  });

  it("links each value to the combination that keeps the other choices, when it exists", () => {
    const choices = optionChoices(
      product,
      product.variants.find((variant) => variant.id === "m-sand")!,
    );
    expect(choices.map((option) => option.name)).toEqual(["Size", "Colour"]);
    expect(choices[0]!.choices).toEqual([
      { value: "S", variantId: "s-sand", selected: false, available: false },
      { value: "M", variantId: "m-sand", selected: true, available: true },
      // No L in Sand: the L that exists.
      { value: "L", variantId: "l-forest", selected: false, available: false },
    ]);
    expect(choices[1]!.choices).toEqual([
      { value: "Sand", variantId: "m-sand", selected: true, available: true },
      { value: "Forest", variantId: "m-forest", selected: false, available: true },
    ]);
  });

  it("marks a value no variant on sale has", () => {
    const product = toCatalogProduct(
      row({
        options: [{ name: "Size", values: ["S", "XL"] }],
        variants: [{ id: "s", optionValues: ["S"], sku: null, priceCents: null, stock: 1 }],
      }),
    );
    expect(optionChoices(product, product.variants[0]!)[0]!.choices[1]).toEqual({
      value: "XL",
      variantId: null,
      selected: false,
      available: false,
    });
  });
});
