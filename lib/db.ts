// The one Prisma client. Queries go to PostgreSQL (or the embedded PGlite) through the pg driver
// adapter, so no native query engine is needed; its pool is the one lib/sql.ts runs plain SQL on.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { pool } from "@/lib/sql";

function createClient(): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg(pool()),
    // Under a burst of webhooks, a transaction may wait for one of the pool's connections.
    // Prisma's default (2 s) answered such bursts with 500s; QBitFlow allows 30 s per delivery.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
}

// Dev reloads re-evaluate modules: keep one client (and one pool) per process. Keyed by the
// PrismaClient class, because the custom server (tsx) and Next's bundle each load their own copy
// of Prisma's runtime, and a client must only ever be driven by the runtime that made it.
const CLIENTS = Symbol.for("qbitflow-starter.prisma-clients");
const registry = globalThis as typeof globalThis & { [CLIENTS]?: Map<unknown, PrismaClient> };
const clients = (registry[CLIENTS] ??= new Map());

export const db: PrismaClient = clients.get(PrismaClient) ?? createClient();
clients.set(PrismaClient, db);
