// Full-text search against a real database (the embedded PGlite by default, PostgreSQL with
// DATABASE_URL): weights, prefixes, sorting, and only products on sale.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestProduct } from "@/lib/test/fixtures";
import { searchProducts } from "./search";
import { searchTerms } from "./search-query";

// A made-up word, so the demo catalogue never matches.
const word = `zq${randomUUID()
  .slice(0, 6)
  .replace(/[^a-z]/g, "x")}`;
const ids: string[] = [];

async function product(name: string, description: string, priceCents: number) {
  const created = await createTestProduct({ name, priceCents });
  await db.product.update({ where: { id: created.id }, data: { description } });
  ids.push(created.id);
  return created;
}

afterAll(async () => {
  await db.product.deleteMany({ where: { id: { in: ids } } });
  await db.$disconnect();
});

describe("searchProducts", () => {
  it("finds by a word of the description or a prefix of the name, the name ranked first", async () => {
    const inDescription = await product(`Plain mug ${ids.length}`, `A mug for ${word}lovers, glazed.`, 900);
    const inName = await product(`${word}lovers poster`, "Printed on heavy paper.", 300);
    const draft = await product(`${word}lovers draft`, "Not on sale.", 100);
    await db.product.update({ where: { id: draft.id }, data: { status: "DRAFT" } });

    const found = await searchProducts(searchTerms(`${word}lov`), "featured");
    expect(found.map((item) => item.id)).toEqual([inName.id, inDescription.id]);

    expect((await searchProducts(searchTerms(`${word}lovers`), "price-asc")).map((p) => p.id)).toEqual([
      inName.id,
      inDescription.id,
    ]);
    expect((await searchProducts(searchTerms(`${word}lovers`), "price-desc")).map((p) => p.id)).toEqual([
      inDescription.id,
      inName.id,
    ]);
    expect((await searchProducts(searchTerms(`${word}lovers`), "newest"))[0]?.id).toBe(inName.id);
    // Every word must match.
    expect(await searchProducts(searchTerms(`${word}lovers glazed`), "featured")).toHaveLength(1);
  });

  it("answers nothing, without an error, for input that is all operators or unknown words", async () => {
    expect(await searchProducts(searchTerms("&|!:*()"), "featured")).toEqual([]);
    expect(await searchProducts(searchTerms(`${word}nothing`), "featured")).toEqual([]);
  });
});
