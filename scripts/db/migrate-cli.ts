// npm run db:migrate — applies pending migrations to DATABASE_URL (see migrate.ts).
import nextEnv from "@next/env";
import { migrate, MigrationError } from "./migrate";

nextEnv.loadEnvConfig(process.cwd());
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. `npm run dev` migrates the embedded database by itself.");
  process.exit(2);
}
try {
  const applied = await migrate({ connectionString: url, log: (line) => console.log(line) });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Database is up to date.");
} catch (error) {
  console.error(error instanceof MigrationError ? error.message : error);
  process.exit(1);
}
