// Upserts the demo catalogue of seed-data.ts by slug, in one transaction:
// - a product that is missing is created with its images, options, variants and their stock;
// - a product that exists takes the file's name, description, price, position, images, options
//   and variants (SKU, price), and the report says what changed; a variant the file no longer has
//   is archived (orders may reference it), never deleted;
// - stock is live data: a variant that exists keeps its stock, whatever the file says;
// - products the file does not list (the merchant's own) are never touched, nor is a product's
//   status (an archived demo product stays archived).
// A slug the merchant changed in the admin still finds its product, through its redirect.
//
//   npm run db:seed   (scripts/db/seed-cli.ts)
import { PrismaPg } from "@prisma/adapter-pg";
import { optionKey } from "../lib/catalog/product-shape";
import { PrismaClient } from "../lib/generated/prisma/client";
import { productChanges } from "./seed-changes";
import { seedCollections, seedProducts, type SeedCollection, type SeedProduct } from "./seed-data";

export interface SeedReport {
  /** Names of the products created. */
  created: string[];
  /** Products that existed and changed, by their name before the change. */
  updated: { name: string; changes: string[] }[];
  unchanged: number;
  /** One line per collection created or changed. */
  collections: string[];
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const productFields = { id: true, name: true, description: true, priceCents: true, sortOrder: true };

export interface SeedOptions {
  /** A PostgreSQL schema other than the connection's default (tests). */
  schema?: string;
  /** The catalogue to seed; seed-data.ts by default (tests pass an edited copy). */
  data?: { products: SeedProduct[]; collections: SeedCollection[] };
}

export async function seedCatalog(connectionString: string, options: SeedOptions = {}): Promise<SeedReport> {
  const { schema, data = { products: seedProducts, collections: seedCollections } } = options;
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString }, { schema }) });
  const report: SeedReport = { created: [], updated: [], unchanged: 0, collections: [] };
  try {
    await prisma.$transaction(
      async (tx) => {
        for (const seed of data.products) await seedProduct(tx, seed, report);
        for (const collection of data.collections) await seedCollection(tx, collection, report);
      },
      // The embedded database answers slowly on a cold start; the whole seed is one transaction.
      { timeout: 120_000, maxWait: 30_000 },
    );
    return report;
  } finally {
    await prisma.$disconnect();
  }
}

async function findSeeded(tx: Tx, slug: string) {
  const bySlug = await tx.product.findUnique({ where: { slug }, select: productFields });
  if (bySlug) return bySlug;
  const moved = await tx.productSlugRedirect.findUnique({ where: { slug }, select: { productId: true } });
  return moved ? tx.product.findUnique({ where: { id: moved.productId }, select: productFields }) : null;
}

// One query at a time: Prisma loads nested relations in parallel, which inside an interactive
// transaction (one connection) makes pg warn about overlapping queries.
async function readStored(tx: Tx, product: NonNullable<Awaited<ReturnType<typeof findSeeded>>>) {
  const where = { productId: product.id };
  const images = await tx.productImage.findMany({
    where,
    orderBy: { position: "asc" },
    select: { url: true, alt: true },
  });
  const options = await tx.productOption.findMany({
    where,
    orderBy: { position: "asc" },
    select: { name: true, values: true },
  });
  const variants = await tx.productVariant.findMany({
    where,
    orderBy: { position: "asc" },
    select: { optionKey: true, optionValues: true, sku: true, priceCents: true, archivedAt: true },
  });
  return { ...product, images, options, variants };
}

const variantRow = (seed: SeedProduct["variants"][number], position: number) => ({
  optionValues: seed.values,
  optionKey: optionKey(seed.values),
  sku: seed.sku,
  priceCents: seed.priceCents ?? null,
  position,
});

async function seedProduct(tx: Tx, seed: SeedProduct, report: SeedReport): Promise<void> {
  const images = seed.images.map((image, position) => ({ ...image, position }));
  const options = (seed.options ?? []).map((option, position) => ({ ...option, position }));
  const found = await findSeeded(tx, seed.slug);
  if (!found) {
    await tx.product.create({
      data: {
        slug: seed.slug,
        name: seed.name,
        description: seed.description,
        priceCents: seed.priceCents,
        sortOrder: seed.sortOrder,
        images: { create: images },
        options: { create: options },
        // A new variant's stock is the file's starting count (the only stock the seed writes).
        variants: {
          create: seed.variants.map((variant, position) => ({
            ...variantRow(variant, position),
            stock: variant.stock,
          })),
        },
      },
    });
    report.created.push(seed.name);
    return;
  }

  const stored = await readStored(tx, found);
  const changes = productChanges(stored, seed);
  if (changes.length === 0) {
    report.unchanged += 1;
    return;
  }
  const productId = stored.id;
  await tx.product.update({
    where: { id: productId },
    data: {
      name: seed.name,
      description: seed.description,
      priceCents: seed.priceCents,
      sortOrder: seed.sortOrder,
    },
  });
  await tx.productImage.deleteMany({ where: { productId } });
  await tx.productImage.createMany({ data: images.map((image) => ({ ...image, productId })) });
  await tx.productOption.deleteMany({ where: { productId } });
  await tx.productOption.createMany({ data: options.map((option) => ({ ...option, productId })) });
  for (const [position, variant] of seed.variants.entries()) {
    const row = variantRow(variant, position);
    await tx.productVariant.upsert({
      where: { productId_optionKey: { productId, optionKey: row.optionKey } },
      create: { ...row, productId, stock: variant.stock },
      // Never the stock of a variant that exists: it counts real units.
      update: { ...row, archivedAt: null },
    });
  }
  await tx.productVariant.updateMany({
    where: {
      productId,
      archivedAt: null,
      optionKey: { notIn: seed.variants.map((variant) => optionKey(variant.values)) },
    },
    data: { archivedAt: new Date() },
  });
  report.updated.push({ name: stored.name, changes });
}

async function seedCollection(tx: Tx, seed: SeedCollection, report: SeedReport): Promise<void> {
  const fields = { title: seed.title, description: seed.description, sortOrder: seed.sortOrder };
  const stored = await tx.collection.findUnique({ where: { slug: seed.slug } });
  const collection = stored
    ? await tx.collection.update({ where: { id: stored.id }, data: fields })
    : await tx.collection.create({ data: { slug: seed.slug, ...fields } });
  const changed: string[] = [];
  if (stored && stored.title !== seed.title) changed.push(`title → ${seed.title}`);
  if (stored && stored.description !== seed.description) changed.push("description changed");
  for (const [position, slug] of seed.products.entries()) {
    const product = await findSeeded(tx, slug);
    if (!product) continue;
    const key = { collectionId_productId: { collectionId: collection.id, productId: product.id } };
    const member = await tx.collectionProduct.findUnique({ where: key });
    if (member?.position === position) continue;
    await tx.collectionProduct.upsert({
      where: key,
      create: { collectionId: collection.id, productId: product.id, position },
      update: { position },
    });
    if (stored) changed.push(member ? `${product.name} moved to ${position + 1}` : `${product.name} added`);
  }
  if (!stored)
    report.collections.push(`collection ${seed.title}: created with ${seed.products.length} products`);
  else if (changed.length) report.collections.push(`collection ${stored.title}: ${changed.join(", ")}`);
}

/** The report as lines for a terminal. */
export function describeSeedReport(report: SeedReport): string[] {
  const lines = [
    ...report.created.map((name) => `${name}: created`),
    ...report.updated.map(({ name, changes }) => `${name}: ${changes.join(", ")}`),
    ...report.collections,
  ];
  if (lines.length === 0) lines.push("The catalogue already matches prisma/seed-data.ts; nothing changed.");
  else if (report.unchanged) lines.push(`${report.unchanged} products unchanged.`);
  if (report.updated.length)
    lines.push("Stock of existing variants is live data and was left as it is (set it in /admin/products).");
  return lines;
}
