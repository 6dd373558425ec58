// npm run db:migrate — applies pending migrations (see migrate.ts) to DATABASE_URL_UNPOOLED when
// it is set, else to DATABASE_URL. Run by `npm run vercel-build` before every Vercel build.
//
// The direct (unpooled) URL is preferred for schema changes: poolers in transaction mode and
// their statement limits are for the app's short queries. (Neon's Vercel integration sets both
// variables under these names.) The runner's locks are transaction-scoped, so a pooled URL works
// too, and two deployments building at once apply each migration once.
import nextEnv from "@next/env";
import { migrate, MigrationError } from "./migrate";

nextEnv.loadEnvConfig(process.cwd());
const url = process.env.DATABASE_URL_UNPOOLED || process.env.DATABASE_URL;
if (!url) {
  console.error(
    "DATABASE_URL is not set: set it (and DATABASE_URL_UNPOOLED for a direct connection, if your provider has one). `npm run dev` migrates the embedded database by itself.",
  );
  process.exit(2);
}
try {
  const applied = await migrate({ connectionString: url, log: (line) => console.log(line) });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Database is up to date.");
} catch (error) {
  console.error(error instanceof MigrationError ? error.message : error);
  process.exit(1);
}
