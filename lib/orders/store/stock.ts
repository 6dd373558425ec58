// Stock held by an order moves exactly once: RESERVED → COMMITTED (paid) or → RELEASED (expired,
// cancelled, never started). Product.stock counts the units that can still be sold, so the
// checkout already took the order's units out of it: a sale leaves the products alone, and only a
// release writes them, putting the units back. The transition function decides the move under
// the order's row lock and writes Order.stockState in the same statement, so two callers can
// never both release or both commit the same order's units.
import "server-only";
import { Prisma, type Product } from "@/lib/generated/prisma/client";
import type { StockState } from "@/lib/generated/prisma/enums";
import type { Transaction } from "@/lib/sql";

export type StockMove = Exclude<StockState, "RESERVED">;

/** The `stock_released` part of the transition statement, when the move touches products. */
export function stockMoved(orderId: string, to: StockMove, now: Date): Prisma.Sql[] {
  if (to === "COMMITTED") return [];
  return [
    Prisma.sql`"stock_released" AS (
      UPDATE "Product" AS p SET "stock" = p."stock" + items.quantity, "updatedAt" = ${now}
        FROM (SELECT "productId", SUM("quantity")::int AS quantity FROM "OrderItem"
               WHERE "orderId" = ${orderId} AND "productId" IS NOT NULL GROUP BY "productId") AS items
       WHERE p."id" = items."productId")`,
  ];
}

/**
 * The `stock_restocked` part of a refund's statement: a refunded order's units go back on sale,
 * once (the refund rules decide it under the order's lock, and the statement sets
 * Order.refundRestocked with it). The one place a refund writes stock: when products gain
 * variants, only this function follows OrderItem to the variant's stock.
 */
export function unitsPutBack(orderId: string, now: Date): Prisma.Sql {
  return Prisma.sql`"stock_restocked" AS (
    UPDATE "Product" AS p SET "stock" = p."stock" + items.quantity, "updatedAt" = ${now}
      FROM (SELECT "productId", SUM("quantity")::int AS quantity FROM "OrderItem"
             WHERE "orderId" = ${orderId} AND "productId" IS NOT NULL GROUP BY "productId") AS items
     WHERE p."id" = items."productId")`;
}

/**
 * Takes `quantity` units of a product for a new order, only if that many can still be sold: a
 * conditional update, so when many customers race for the last unit exactly one gets it.
 * Answers the units left when it could not.
 */
export async function reserveStock(
  tx: Transaction,
  productId: string,
  quantity: number,
): Promise<{ reserved: true } | { reserved: false; left: number }> {
  const taken = await tx.query<Pick<Product, "id">>(Prisma.sql`
    UPDATE "Product" SET "stock" = "stock" - ${quantity}, "updatedAt" = ${new Date()}
     WHERE "id" = ${productId} AND "active" AND "stock" >= ${quantity}
    RETURNING "id"`);
  if (taken.length) return { reserved: true };
  // A statement of its own: it must see the commit of the order that took the units (one
  // statement's snapshot would still show them), so the message says what is really left.
  const [product] = await tx.query<Pick<Product, "stock">>(
    Prisma.sql`SELECT "stock" FROM "Product" WHERE "id" = ${productId}`,
  );
  return { reserved: false, left: Math.max(0, product?.stock ?? 0) };
}
