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

function client(): PrismaClient {
  let existing = clients.get(PrismaClient);
  if (!existing) clients.set(PrismaClient, (existing = createClient()));
  return existing;
}

// Made on first use, not on import: `next build` imports route modules to collect their
// configuration, and a build has no DATABASE_URL to give the pool (nor needs one).
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const real = client();
    const value: unknown = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});
