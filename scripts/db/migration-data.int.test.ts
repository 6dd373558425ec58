// Migrations that move data, not only schema: each is run on rows written under the schema
// before it, in a schema of its own, and must keep what those rows meant.
import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, MIGRATIONS_DIR, readMigrations } from "./migrate";

const connectionString = process.env.DATABASE_URL!;
const admin = new pg.Client({ connectionString });
const schema = `migration_data_${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
});
afterAll(async () => {
  await admin.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
  await admin.end();
});

/** A folder with the project's migrations up to (without) the one whose name ends in `name`. */
function migrationsBefore(name: string): { dir: string; target: string } {
  const all = readMigrations().map((migration) => migration.name);
  const target = all.find((migration) => migration.endsWith(name));
  if (!target) throw new Error(`no migration named ${name}`);
  const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
  for (const migration of all.slice(0, all.indexOf(target))) {
    cpSync(path.join(MIGRATIONS_DIR, migration), path.join(dir, migration), { recursive: true });
  }
  return { dir, target };
}

describe("stock_counts_available_units", () => {
  it("turns units on hand minus held units into units that can be sold", async () => {
    const { dir, target } = migrationsBefore("_stock_counts_available_units");
    await migrate({ connectionString, dir, schema });
    const table = `${pg.escapeIdentifier(schema)}."Product"`;
    const products = [
      ["free", 7, 0],
      ["held", 5, 2],
      ["oversold", 1, 3], // more held than on hand (a merchant lowered the stock): none to sell
    ] as const;
    for (const [slug, stock, reserved] of products) {
      await admin.query(
        `INSERT INTO ${table} ("id", "slug", "name", "description", "priceCents", "imagePath", "stock", "reserved", "updatedAt")
         VALUES ($1, $2, $2, 'd', 100, '/x.svg', $3, $4, now())`,
        [randomUUID(), slug, stock, reserved],
      );
    }

    cpSync(path.join(MIGRATIONS_DIR, target), path.join(dir, target), { recursive: true });
    expect(await migrate({ connectionString, dir, schema })).toEqual([target]);

    const { rows } = await admin.query<{ slug: string; stock: number }>(
      `SELECT "slug", "stock" FROM ${table} ORDER BY "slug"`,
    );
    expect(rows).toEqual([
      { slug: "free", stock: 7 },
      { slug: "held", stock: 3 },
      { slug: "oversold", stock: 0 },
    ]);
    const columns = await admin.query(
      `SELECT 1 FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'Product' AND column_name = 'reserved'`,
      [schema],
    );
    expect(columns.rowCount).toBe(0);
  });
});
