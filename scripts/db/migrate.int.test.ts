// The migration runner against a real database (DATABASE_URL: embedded PGlite or PostgreSQL).
// Each test works in a schema of its own, with migrations written to a temporary folder.
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, MigrationError, readMigrations } from "./migrate";

const connectionString = process.env.DATABASE_URL!;
const admin = new pg.Client({ connectionString });
const schemas: string[] = [];

beforeAll(() => admin.connect());
afterAll(async () => {
  for (const schema of schemas)
    await admin.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
  await admin.end();
});

async function freshSchema(): Promise<string> {
  const schema = `migrate_test_${randomUUID().slice(0, 8)}`;
  schemas.push(schema);
  await admin.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
  return schema;
}

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function tablesIn(schema: string): Promise<string[]> {
  const { rows } = await admin.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name",
    [schema],
  );
  return rows.map((row) => row.table_name);
}

async function history(schema: string) {
  const { rows } = await admin.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    `SELECT migration_name, checksum, finished_at FROM ${pg.escapeIdentifier(schema)}._prisma_migrations
      ORDER BY migration_name`,
  );
  return rows;
}

const twoMigrations = {
  "20260101000000_first": 'CREATE TABLE "a" ("id" INTEGER PRIMARY KEY);',
  "20260102000000_second": 'CREATE TABLE "b" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "b" VALUES (1);',
};

describe("migrate", () => {
  it("applies pending migrations in order and records them like Prisma Migrate", async () => {
    const schema = await freshSchema();
    const dir = migrationsDir(twoMigrations);

    expect(await migrate({ connectionString, dir, schema })).toEqual([
      "20260101000000_first",
      "20260102000000_second",
    ]);
    expect(await tablesIn(schema)).toEqual(["_prisma_migrations", "a", "b"]);

    const rows = await history(schema);
    expect(rows.map((row) => row.migration_name)).toEqual(Object.keys(twoMigrations));
    expect(rows.map((row) => row.checksum)).toEqual(
      readMigrations(dir).map((migration) => migration.checksum),
    );
    expect(rows.every((row) => row.checksum.length === 64 && row.finished_at !== null)).toBe(true);
  });

  it("does nothing when run again", async () => {
    const schema = await freshSchema();
    const dir = migrationsDir(twoMigrations);
    await migrate({ connectionString, dir, schema });

    expect(await migrate({ connectionString, dir, schema })).toEqual([]);
    expect(await history(schema)).toHaveLength(2);
    const { rows } = await admin.query(`SELECT count(*)::int AS n FROM ${pg.escapeIdentifier(schema)}.b`);
    expect(rows[0].n).toBe(1);
  });

  it("applies each migration once when several processes migrate at the same time", async () => {
    const schema = await freshSchema();
    const dir = migrationsDir(twoMigrations);

    const results = await Promise.all(
      Array.from({ length: 5 }, () => migrate({ connectionString, dir, schema })),
    );

    expect(results.flat().sort()).toEqual(Object.keys(twoMigrations));
    expect(await history(schema)).toHaveLength(2);
  });

  it("leaves the database as it was when a migration fails, and names it", async () => {
    const schema = await freshSchema();
    const broken = {
      "20260101000000_first": twoMigrations["20260101000000_first"],
      "20260102000000_broken":
        'CREATE TABLE "c" ("id" INTEGER);\nALTER TABLE "missing" ADD COLUMN "x" INTEGER;',
    };

    const failure = await migrate({ connectionString, dir: migrationsDir(broken), schema }).catch(
      (error) => error,
    );

    expect(failure).toBeInstanceOf(MigrationError);
    expect(failure.message).toMatch(/^Migration 20260102000000_broken failed: .*"missing".*unchanged/);
    expect(await tablesIn(schema)).toEqual(["_prisma_migrations", "a"]);
    expect((await history(schema)).map((row) => row.migration_name)).toEqual(["20260101000000_first"]);

    // Once fixed, the next run picks up where the failure stopped.
    const fixed = { ...broken, "20260102000000_broken": 'CREATE TABLE "c" ("id" INTEGER);' };
    expect(await migrate({ connectionString, dir: migrationsDir(fixed), schema })).toEqual([
      "20260102000000_broken",
    ]);
  });
});
