import { describe, expect, it } from "vitest";
import { prerenderedRoute, productHref } from "./catalogue-routes";
import { tagsFor } from "./cache-tags";

const query = (text: string) => new URLSearchParams(text);

describe("prerenderedRoute", () => {
  it("renders the home page at its route with a parameter, and a chosen variant as a path segment", () => {
    expect(prerenderedRoute("/", query(""))).toBe("/home/storefront");
    expect(prerenderedRoute("/products/tote", query("variant=01abc-d_e"))).toBe("/products/tote/01abc-d_e");
  });

  it("leaves everything else as it is, and no odd variant value becomes a cache entry", () => {
    expect(prerenderedRoute("/products/tote", query(""))).toBeNull();
    expect(prerenderedRoute("/products/tote", query("variant=a/b"))).toBeNull();
    expect(prerenderedRoute("/products/tote", query(`variant=${"x".repeat(65)}`))).toBeNull();
    expect(prerenderedRoute("/collections/paper", query("variant=x"))).toBeNull();
  });

  it("links a variant by the query the customer shares", () => {
    expect(productHref("tote", "01a b")).toBe("/products/tote?variant=01a%20b");
    expect(productHref("tote", null)).toBe("/products/tote");
  });
});

describe("tagsFor", () => {
  it("marks a changed product's page and the listings, a collection's page, or everything", () => {
    expect(tagsFor({ productIds: ["p1"] })).toEqual(["catalog:listings", "catalog:product:p1"]);
    expect(tagsFor({ collectionSlugs: ["paper"] })).toEqual(["catalog:listings", "catalog:collection:paper"]);
    expect(tagsFor({ everything: true, productIds: ["p1"] })).toEqual(["catalog"]);
    expect(tagsFor({})).toEqual([]);
  });
});
