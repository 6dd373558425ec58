// The storefront both page benchmarks measure: the demo catalogue seeded into a fresh database,
// and the routes named from it (a static file from public/ as the baseline, then the pages).
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import {
  appEnv,
  build,
  createDatabase,
  freePort,
  loadAverage,
  printMachine,
  ROOT,
  startServer,
} from "./common";
import type { BenchDatabase } from "./common";

export type Route = { name: string; path: string };

/** The demo catalogue, as `npm run db:seed` writes it (run as a command: its own connection). */
export async function seedCatalogue(db: BenchDatabase): Promise<void> {
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/db/seed-cli.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: db.url },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const code = await new Promise((resolve) => child.on("exit", (c, signal) => resolve(c ?? signal)));
  if (code !== 0) throw new Error(`npm run db:seed failed (${code})`);
}

/** The pages to measure, named from the seeded catalogue: the first product and collection. */
export async function storefrontRoutes(db: BenchDatabase): Promise<Route[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const first = async (sql: string) => (await client.query<{ slug: string }>(sql)).rows[0]?.slug;
    const product = await first(`SELECT "slug" FROM "Product" ORDER BY "sortOrder", "name" LIMIT 1`);
    const collection = await first(`SELECT "slug" FROM "Collection" ORDER BY "sortOrder" LIMIT 1`).catch(
      () => undefined,
    ); // a schema without collections
    // Before the catalogue had ProductImage, a product's one picture was Product.imagePath.
    const image =
      (await first(
        `SELECT "url" AS slug FROM "ProductImage" WHERE "url" LIKE '/%' ORDER BY "position" LIMIT 1`,
      ).catch(() => undefined)) ??
      (await first(`SELECT "imagePath" AS slug FROM "Product" LIMIT 1`).catch(() => undefined));
    if (!product || !image) throw new Error("the seeded catalogue has no product or no picture in public/");
    return [
      { name: "static file (baseline)", path: image },
      { name: "home", path: "/" },
      ...(collection ? [{ name: "collection", path: `/collections/${collection}` }] : []),
      { name: "product", path: `/products/${product}` },
    ];
  } finally {
    await client.end();
  }
}

/**
 * A fresh database with the demo catalogue, the production build (unless --skip-build finds one)
 * and `next start` on a free port; undefined when PostgreSQL cannot be reached.
 */
export async function startStorefront(options: { "keep-db": boolean; "skip-build": boolean }) {
  const db = await createDatabase(options["keep-db"]);
  if (!db) return undefined;
  printMachine(`PostgreSQL ${db.version}`);
  console.log(`load average before the runs: ${loadAverage()}`);
  await seedCatalogue(db);
  const port = await freePort();
  const env = appEnv(db.url, { APP_URL: `http://127.0.0.1:${port}` });
  await build(env, options["skip-build"]);
  const url = new URL(`http://127.0.0.1:${port}`);
  const next = path.join(ROOT, "node_modules/next/dist/bin/next");
  const server = await startServer(
    "app (next start)",
    [next, "start", "--hostname", "127.0.0.1"],
    { ...env, PORT: String(port) },
    url,
  );
  return { db, url, server };
}
