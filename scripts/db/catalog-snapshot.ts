// A comparable description of a schema's structure (tables, columns, indexes, constraints,
// enums), read from PostgreSQL's own catalogs. Two databases with equal snapshots have the same
// shape, however their DDL was written.
export interface Queryable {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

const QUERIES = {
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
                   character_maximum_length, numeric_precision, numeric_scale, datetime_precision
              FROM information_schema.columns
             WHERE table_schema = $1 AND table_name <> '_prisma_migrations'
             ORDER BY table_name, column_name`,
  indexes: `SELECT tablename, indexname, replace(indexdef, $1 || '.', '') AS indexdef
              FROM pg_indexes
             WHERE schemaname = $1 AND tablename <> '_prisma_migrations'
             ORDER BY tablename, indexname`,
  constraints: `SELECT c.conrelid::regclass::text AS table_name, c.conname,
                       replace(pg_get_constraintdef(c.oid), $1 || '.', '') AS definition
                  FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                 WHERE n.nspname = $1 AND c.conrelid::regclass::text NOT LIKE '%_prisma_migrations'
                 ORDER BY 1, 2`,
  enums: `SELECT t.typname, e.enumlabel, e.enumsortorder
            FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname = $1
           ORDER BY t.typname, e.enumsortorder`,
};

export type CatalogSnapshot = Record<keyof typeof QUERIES, unknown[]>;

export async function catalogSnapshot(db: Queryable, schema = "public"): Promise<CatalogSnapshot> {
  const read = async (sql: string) => (await db.query(sql, [schema])).rows;
  return {
    columns: await read(QUERIES.columns),
    indexes: await read(QUERIES.indexes),
    constraints: await read(QUERIES.constraints),
    enums: await read(QUERIES.enums),
  };
}
