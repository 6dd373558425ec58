import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../scripts/db/migrate";
import { seedCatalog } from "./seed";
import { seedProducts } from "./seed-data";

const connectionString = process.env.DATABASE_URL!;
const schema = `seed_test_${randomUUID().slice(0, 8)}`;
const admin = new pg.Client({ connectionString });
const table = `${pg.escapeIdentifier(schema)}."Product"`;

beforeAll(async () => {
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
  await migrate({ connectionString, schema });
});
afterAll(async () => {
  await admin.query(`DROP SCHEMA ${pg.escapeIdentifier(schema)} CASCADE`);
  await admin.end();
});

describe("seed data", () => {
  it("is a 6–8 product catalogue a QBitFlow test key can charge, with local images", () => {
    expect(seedProducts.length).toBeGreaterThanOrEqual(6);
    expect(seedProducts.length).toBeLessThanOrEqual(8);
    for (const product of seedProducts) {
      expect(Number.isInteger(product.priceCents)).toBe(true);
      expect(product.priceCents).toBeGreaterThan(0);
      expect(product.priceCents).toBeLessThanOrEqual(500); // test mode caps a checkout at $5
      expect(product.imagePath).toMatch(/^\/[\w/.-]+$/);
    }
  });
});

describe("seedCatalog", () => {
  it("inserts the catalogue once and never changes existing rows", async () => {
    expect(await seedCatalog(connectionString, schema)).toBe(seedProducts.length);

    const first = seedProducts[0]!;
    await admin.query(`UPDATE ${table} SET stock = 999, name = 'Renamed by the merchant' WHERE slug = $1`, [
      first.slug,
    ]);

    expect(await seedCatalog(connectionString, schema)).toBe(0);
    const { rows } = await admin.query(`SELECT name, stock FROM ${table} WHERE slug = $1`, [first.slug]);
    expect(rows[0]).toEqual({ name: "Renamed by the merchant", stock: 999 });
    const { rows: count } = await admin.query(`SELECT count(*)::int AS n FROM ${table}`);
    expect(count[0].n).toBe(seedProducts.length);
  });
});
