// Fails when prisma/schema.prisma and prisma/migrations disagree: the database the migrations
// build must have exactly the shape Prisma derives from the schema. Fix by running
// `npm run db:new-migration <name>` (see docs/database.md).
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { catalogSnapshot } from "./catalog-snapshot";
import { readMigrations } from "./migrate";
import { SCHEMA_FILE, SNAPSHOT_FILE } from "./new-migration-paths";
import { diffSchemas } from "./schema-diff";

// CHECK constraints the migrations add on purpose: Prisma's schema language cannot describe them,
// so the database built from schema.prisma lacks them. They must exist, and nothing else may differ.
const CHECKS_ONLY_IN_MIGRATIONS = ["ProductVariant_stock_not_negative"];
// Likewise an expression index (full-text search, lib/catalog/search.ts).
const INDEXES_ONLY_IN_MIGRATIONS = ["Product_search_idx"];

const databases: PGlite[] = [];

async function databaseFrom(sqlScripts: string[]): Promise<PGlite> {
  const db = new PGlite();
  databases.push(db);
  for (const sql of sqlScripts) await db.exec(sql);
  return db;
}

afterAll(async () => {
  await Promise.all(databases.map((db) => db.close()));
});

describe("schema drift", () => {
  it("the migrations build exactly the database schema.prisma describes", async () => {
    const schema = readFileSync(SCHEMA_FILE, "utf8");
    const migrated = await databaseFrom(readMigrations().map((migration) => migration.sql));
    const fromSchema = await databaseFrom([await diffSchemas(null, schema)]);

    const expected = await catalogSnapshot(fromSchema);
    expect(expected.columns.length).toBeGreaterThan(10);
    const actual = await catalogSnapshot(migrated);
    const constraints = actual.constraints as { conname: string }[];
    const extraChecks = constraints.filter((c) => CHECKS_ONLY_IN_MIGRATIONS.includes(c.conname));
    expect(extraChecks.map((c) => c.conname).sort()).toEqual([...CHECKS_ONLY_IN_MIGRATIONS].sort());
    actual.constraints = constraints.filter((c) => !CHECKS_ONLY_IN_MIGRATIONS.includes(c.conname));
    const indexes = actual.indexes as { indexname: string }[];
    const extraIndexes = indexes.filter((i) => INDEXES_ONLY_IN_MIGRATIONS.includes(i.indexname));
    expect(extraIndexes.map((i) => i.indexname).sort()).toEqual([...INDEXES_ONLY_IN_MIGRATIONS].sort());
    actual.indexes = indexes.filter((i) => !INDEXES_ONLY_IN_MIGRATIONS.includes(i.indexname));
    expect(actual).toEqual(expected);
  }, 60_000);

  it("the authoring snapshot matches schema.prisma, so the next migration diffs from the right place", () => {
    expect(readFileSync(SNAPSHOT_FILE, "utf8")).toBe(readFileSync(SCHEMA_FILE, "utf8"));
  });
});
