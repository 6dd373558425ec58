// Seeds the demo catalogue. Idempotent: it inserts the products that are missing (by slug) and
// never changes existing rows, so a re-run keeps the merchant's edits and current stock.
//
//   npm run db:seed
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { seedProducts } from "./seed-data";

export async function seedCatalog(connectionString: string, schema?: string): Promise<number> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString }, { schema }) });
  try {
    const { count } = await prisma.product.createMany({ data: seedProducts, skipDuplicates: true });
    return count;
  } finally {
    await prisma.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set. `npm run dev` seeds the embedded database by itself.");
    process.exit(2);
  }
  const count = await seedCatalog(url);
  console.log(count ? `Seeded ${count} products.` : "Catalogue already seeded; nothing changed.");
}
