// Stock held by an order moves exactly once: RESERVED → COMMITTED (paid) or → RELEASED (expired,
// cancelled, never started). The guard is the conditional update of Order.stockState, so two
// concurrent callers can never both release or both commit the same order's units. One statement
// does it all (the guard, then every product of the order), because it runs on the webhook's hot
// path.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Puts the order's reserved units back on sale. Returns false when they had already moved. */
export function releaseStock(tx: Tx, orderId: string): Promise<boolean> {
  return moveStock(tx, orderId, "RELEASED");
}

/** Turns the order's reservation into a sale: the units leave stock for good. */
export function commitStock(tx: Tx, orderId: string): Promise<boolean> {
  return moveStock(tx, orderId, "COMMITTED");
}

async function moveStock(tx: Tx, orderId: string, to: "RELEASED" | "COMMITTED"): Promise<boolean> {
  // A sale takes the units out of stock; a release only stops holding them.
  const sold = to === "COMMITTED" ? Prisma.sql`, "stock" = p."stock" - items.quantity` : Prisma.empty;
  const [row] = await tx.$queryRaw<{ moved: boolean }[]>`
    WITH moved AS (
      UPDATE "Order" SET "stockState" = ${to}::"StockState"
       WHERE "id" = ${orderId} AND "stockState" = 'RESERVED' RETURNING "id"
    ), items AS (
      SELECT "productId", SUM("quantity")::int AS quantity FROM "OrderItem"
       WHERE "orderId" IN (SELECT "id" FROM moved) AND "productId" IS NOT NULL GROUP BY "productId"
    ), products AS (
      UPDATE "Product" AS p SET "reserved" = GREATEST(p."reserved" - items.quantity, 0), "updatedAt" = now() ${sold}
        FROM items WHERE p."id" = items."productId" RETURNING p."id"
    )
    SELECT EXISTS (SELECT 1 FROM moved) AS moved, (SELECT count(*) FROM products) AS products`;
  return row?.moved ?? false;
}
