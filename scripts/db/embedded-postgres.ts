// The embedded default database: PGlite (PostgreSQL compiled to wasm) served over the Postgres
// wire protocol, so the app, Prisma's pg adapter and psql talk to it like any PostgreSQL.
// Runs inside the calling process; the app connects over TCP like it would to a real server.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { BatchAwareQueryQueue } from "./pglite-queue";

export interface EmbeddedPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Directory holding the data (kept across restarts); omit for a throwaway in-memory database. */
  dataDir?: string;
  /** 0 (default) lets the OS pick a free port. */
  port?: number;
}

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = new PGlite(options.dataDir ?? "memory://");
  await db.waitReady;
  // Connections are multiplexed on PGlite's single backend, one transaction at a time.
  const server = new PGLiteSocketServer({
    db,
    port: options.port ?? 0,
    host: "127.0.0.1",
    maxConnections: 100,
  });
  // Before start(): each connection's handler takes the server's queue when it is created.
  (server as unknown as { queryQueue: BatchAwareQueryQueue }).queryQueue = new BatchAwareQueryQueue(db);
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  let stopped: Promise<void> | undefined;
  return {
    port,
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop() {
      // Closing PGlite flushes its files, so data survives the restart.
      stopped ??= server.stop().then(() => db.close());
      return stopped;
    },
  };
}
