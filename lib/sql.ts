// Plain SQL on the connection pool Prisma also uses. The transition function and the webhook's
// hot path run here rather than through Prisma's query engine: measured behind bare node:http, the
// webhook code cost 7.2 ms of CPU per request through Prisma (11 small queries), 1.7-1.8 ms with pg
// and the same work folded into 4 statements (docs/performance.md). Statements are built with
// Prisma.sql, so values are always bound parameters, never spliced into the text.
import "server-only";
import { attachDatabasePool } from "@vercel/functions/db-connections";
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

/** A statement, or a part of one (Prisma.sql`…`, Prisma.join, Prisma.empty). */
export type Statement = Prisma.Sql;

/** A connection inside a transaction. */
export interface Transaction {
  query<Row>(statement: Statement): Promise<Row[]>;
}

const TIMESTAMP_OID = 1114;

/** How long a query may go unanswered before the client gives up on it (see pool()). */
export const QUERY_TIMEOUT_MS = 8_000;

// pg's message for query_timeout. The connection is then stuck behind the unanswered query.
const isQueryTimeout = (error: unknown) => error instanceof Error && error.message === "Query read timeout";

/**
 * The database did not answer in time (query or connection timeout): writing anything more to
 * it now, such as a record of the failure, would only wait as long again.
 */
export function isDatabaseTimeout(error: unknown): boolean {
  return (
    isQueryTimeout(error) ||
    (error instanceof Error && error.message.includes("timeout exceeded when trying to connect"))
  );
}

// Prisma stores DateTime as UTC in `timestamp` columns: read them back as UTC, whatever the
// process's time zone (pg's own parser would take them as local time).
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID && format !== "binary"
      ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

// …and write Dates as UTC too (pg would send local time with an offset, which `timestamp` drops).
const bindable = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

function run<Row>(client: pg.ClientBase, statement: Statement): Promise<Row[]> {
  return client
    .query({ text: statement.text, values: statement.values.map(bindable), types })
    .then((result) => result.rows as Row[]);
}

// One pool per process, shared by Prisma (lib/db.ts) and this module, and by the two copies of
// this module that the custom server and Next's bundle load.
const POOL = Symbol.for("qbitflow-starter.pg-pool");
const registry = globalThis as typeof globalThis & { [POOL]?: pg.Pool };

/** The pool's sizing for this host: a long-lived Node server, or serverless function instances. */
export function poolSettings(env: { DATABASE_POOL_MAX?: number; VERCEL?: string }) {
  const serverless = env.VERCEL === "1";
  return {
    // Each Vercel function instance holds its own pool, and instances multiply under load.
    max: env.DATABASE_POOL_MAX ?? (serverless ? 5 : 10),
    // Short on serverless (Vercel's advice: about 5 s): an instance may be suspended at any time,
    // and a connection left open then is one the database counts until it times out.
    idleTimeoutMillis: serverless ? 5_000 : 10_000,
  };
}

export function pool(): pg.Pool {
  if (!registry[POOL]) {
    const env = getEnv();
    const created = new pg.Pool({
      connectionString: env.DATABASE_URL,
      ...poolSettings(env),
      // A burst of webhooks may wait for a connection; QBitFlow allows 30 s per delivery.
      connectionTimeoutMillis: 10_000,
      // No statement may hold its locks for longer (Prisma's transactions had a 15 s limit too):
      // a delivery stuck behind a lock fails with a 5xx, and QBitFlow delivers it again.
      statement_timeout: 15_000,
      // Client-side limits for a stalled network (a partition drops packets; nothing is refused):
      // statement_timeout is enforced by the server and cannot fire when nothing reaches it. A
      // query unanswered after QUERY_TIMEOUT_MS fails here, so a webhook answers 5xx well inside
      // QBitFlow's 30 s and requests do not pile up behind a dead connection.
      query_timeout: QUERY_TIMEOUT_MS,
    });
    // An idle connection that drops (database restart) must not crash the process.
    created.on("error", (error) => console.error("[db] idle connection lost:", error.message));
    // On Vercel (Fluid compute) this keeps an instance alive until its idle connections have
    // closed, instead of being suspended with them open; elsewhere it does nothing.
    attachDatabasePool(created);
    registry[POOL] = created;
  }
  return registry[POOL];
}

/** Closes the pool (graceful shutdown): waits for checked-out connections to be released. */
export async function closePool(): Promise<void> {
  const existing = registry[POOL];
  registry[POOL] = undefined;
  await existing?.end();
}

/** Runs `work` in a transaction: committed when it resolves, rolled back when it throws. */
export async function transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work({ query: (statement) => run(client, statement) });
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // After a query timeout, a ROLLBACK would only queue behind the unanswered query for another
    // QUERY_TIMEOUT_MS: close the connection instead (the server rolls back when it sees it go).
    if (isQueryTimeout(error)) broken = error as Error;
    else await client.query("ROLLBACK").catch((rollbackFailed: Error) => (broken = rollbackFailed));
    throw error;
  } finally {
    // A connection whose rollback failed is in an unknown state: close it rather than reuse it.
    client.release(broken);
  }
}

/** `WITH a AS (…), b AS (…) <final>`: several changes in one statement, one round trip. */
export function together(parts: Statement[], final: Statement = Prisma.sql`SELECT 1`): Statement {
  return parts.length ? Prisma.sql`WITH ${Prisma.join(parts, ", ")} ${final}` : final;
}
