// Stock held by an order moves exactly once: RESERVED → COMMITTED (paid) or → RELEASED (expired,
// cancelled, never started). Product.stock counts the units that can still be sold, so the
// checkout already took the order's units out of it: a sale leaves the products alone, and only a
// release writes them, putting the units back. The transition function decides the move under
// the order's row lock and writes Order.stockState in the same statement, so two callers can
// never both release or both commit the same order's units.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StockState } from "@/lib/generated/prisma/enums";

export type StockMove = Exclude<StockState, "RESERVED">;

/** The `stock_released` part of the transition statement, when the move touches products. */
export function stockMove(orderId: string, to: StockMove, now: Date): Prisma.Sql[] {
  if (to === "COMMITTED") return [];
  return [
    Prisma.sql`"stock_released" AS (
      UPDATE "Product" AS p SET "stock" = p."stock" + items.quantity, "updatedAt" = ${now}
        FROM (SELECT "productId", SUM("quantity")::int AS quantity FROM "OrderItem"
               WHERE "orderId" = ${orderId} AND "productId" IS NOT NULL GROUP BY "productId") AS items
       WHERE p."id" = items."productId")`,
  ];
}
