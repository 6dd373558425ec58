// The database half of the doctor: reachable, and every migration applied (from the
// `_prisma_migrations` history the migrator keeps, the same table Prisma Migrate uses).
import type { DatabaseState } from "./types";

type Query = (text: string) => Promise<{ rows: { migration_name: string; finished: boolean }[] }>;

/** `expected`: the migration names this code ships with, when the caller can read them. */
export async function readDatabaseState(query: Query, expected: string[] | null): Promise<DatabaseState> {
  try {
    const { rows } = await query(
      `SELECT migration_name, finished_at IS NOT NULL AS finished FROM "_prisma_migrations"
        WHERE rolled_back_at IS NULL ORDER BY migration_name`,
    );
    return {
      reachable: true,
      applied: rows.filter((row) => row.finished).map((row) => row.migration_name),
      unfinished: rows.filter((row) => !row.finished).map((row) => row.migration_name),
      expected,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Connected, but never migrated: the history table does not exist yet.
    if (/_prisma_migrations" does not exist/.test(message)) {
      return { reachable: true, applied: [], unfinished: [], expected };
    }
    return { reachable: false, error: message };
  }
}
