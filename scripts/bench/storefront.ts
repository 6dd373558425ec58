// The storefront both page benchmarks measure: the demo catalogue seeded into a fresh database,
// and the routes named from it (a static file from public/ as the baseline, then the pages).
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { ROOT, type BenchDatabase } from "./common";

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
