// Applies prisma/migrations/*/migration.sql in order, without Prisma's native engine.
//
// - Atomic: each migration runs in one transaction together with its bookkeeping row, so a
//   failure leaves the database exactly as it was before that migration.
// - Safe when two processes run it at once: each migration takes a transaction-scoped advisory
//   lock and re-checks the history inside it. (A session lock would not do on PGlite, where every
//   connection shares one backend session.)
// - Re-runs are no-ops, and the history lives in `_prisma_migrations` with Prisma's own columns
//   and checksums, so `prisma migrate deploy/status` keep working for users who have the CLI.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";

// The nearest prisma/migrations above this file: scripts/db/ when run by tsx, dist/ when bundled
// into dist/migrate.mjs for production hosts.
function findMigrationsDir(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "prisma", "migrations"))) return path.join(dir, "prisma", "migrations");
    if (path.dirname(dir) === dir) return path.resolve(from, "../../prisma/migrations");
  }
}

export const MIGRATIONS_DIR = findMigrationsDir(import.meta.dirname);

// Arbitrary constant shared by every migrator of this project.
const LOCK_KEY = 72_410_331;

// Prisma Migrate's own DDL for its history table.
const HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    readonly cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Migration ${migration} failed: ${reason}. The database is unchanged by it.`);
    this.name = "MigrationError";
  }
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export interface MigrateOptions {
  connectionString: string;
  dir?: string;
  /** Schema to migrate (default: the connection's search_path, usually `public`). */
  schema?: string;
  log?: (line: string) => void;
}

/** Applies every pending migration; returns the names it applied. */
export async function migrate(options: MigrateOptions): Promise<string[]> {
  const log = options.log ?? (() => {});
  const client = new pg.Client({ connectionString: options.connectionString });
  await client.connect();
  try {
    const schema = options.schema;
    await inLockedTransaction(client, schema, () => client.query(HISTORY_TABLE));
    const applied: string[] = [];
    for (const migration of readMigrations(options.dir)) {
      const ran = await applyOne(client, schema, migration, log);
      if (ran) applied.push(migration.name);
    }
    return applied;
  } finally {
    await client.end();
  }
}

async function applyOne(
  client: pg.Client,
  schema: string | undefined,
  migration: Migration,
  log: (line: string) => void,
): Promise<boolean> {
  try {
    return await inLockedTransaction(client, schema, async () => {
      const { rows } = await client.query<{ checksum: string }>(
        `SELECT checksum FROM "_prisma_migrations"
          WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        [migration.name],
      );
      if (rows[0]) {
        if (rows[0].checksum !== migration.checksum) {
          log(`warning: ${migration.name} was edited after it was applied (checksum differs); not re-run`);
        }
        return false;
      }
      const startedAt = new Date();
      await client.query(migration.sql);
      await client.query(
        `INSERT INTO "_prisma_migrations"
           (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
         VALUES ($1, $2, now(), $3, NULL, $4, 1)`,
        [randomUUID(), migration.checksum, migration.name, startedAt],
      );
      log(`applied ${migration.name}`);
      return true;
    });
  } catch (error) {
    throw new MigrationError(migration.name, error);
  }
}

async function inLockedTransaction<T>(
  client: pg.Client,
  schema: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  await client.query("BEGIN");
  try {
    // SET LOCAL, not SET: PGlite runs every connection in one session, where a session-wide
    // search_path would leak into the app's other connections.
    if (schema) await client.query(`SET LOCAL search_path TO ${pg.escapeIdentifier(schema)}`);
    await client.query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY]);
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}
