// npm run db:seed — upserts the demo catalogue of prisma/seed-data.ts (prisma/seed.ts says how)
// into DATABASE_URL, or, when it is not set, into the embedded database `npm run dev` uses
// (.data/pglite): through the running dev server when there is one, else opened here.
import path from "node:path";
import nextEnv from "@next/env";
import { describeSeedReport, seedCatalog } from "../../prisma/seed";
import { connectToEmbedded } from "../stack/database";

const root = path.resolve(import.meta.dirname, "../..");
nextEnv.loadEnvConfig(root);
const log = (line: string) => console.log(line);

const database = process.env.DATABASE_URL
  ? { url: process.env.DATABASE_URL, stop: async () => {} }
  : await connectToEmbedded(path.join(root, ".data/pglite"), log).catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    });
try {
  const report = await seedCatalog(database.url);
  for (const line of describeSeedReport(report)) console.log(line);
} catch (error) {
  console.error("The seed failed and changed nothing:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.stop();
}
