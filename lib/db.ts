// The one Prisma client. Queries go to PostgreSQL (or the embedded PGlite) through the pg driver
// adapter, so no native query engine is needed.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

function createClient(): PrismaClient {
  const env = getEnv();
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL }) });
}

// Dev reloads re-evaluate modules; keep one client (and one pool) per process.
const globalForDb = globalThis as typeof globalThis & { __qbitflowDb?: PrismaClient };

export const db: PrismaClient = globalForDb.__qbitflowDb ?? createClient();
globalForDb.__qbitflowDb = db;
