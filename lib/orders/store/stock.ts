// Stock held by an order moves exactly once: RESERVED → COMMITTED (paid) or → RELEASED (expired,
// cancelled, never started). ProductVariant.stock counts the units that can still be sold, so the
// checkout already took the order's units out of it: a sale leaves the variants alone, and only a
// release writes them, putting the units back on the variant each line bought. The transition
// function decides the move under the order's row lock and writes Order.stockState in the same
// statement, so two callers can never both release or both commit the same order's units.
import "server-only";
import { Prisma, type ProductVariant } from "@/lib/generated/prisma/client";
import type { StockState } from "@/lib/generated/prisma/enums";
import type { Transaction } from "@/lib/sql";

export type StockMove = Exclude<StockState, "RESERVED">;

/** The `stock_released` part of the transition statement, when the move touches variants. */
export function stockMoved(orderId: string, to: StockMove, now: Date): Prisma.Sql[] {
  if (to === "COMMITTED") return [];
  return [unitsBackOnSale("stock_released", orderId, now)];
}

/** A CTE part named `name` that adds each of the order's lines back to the variant it bought. */
function unitsBackOnSale(name: "stock_released" | "stock_restocked", orderId: string, now: Date): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(`"${name}"`)} AS (
    UPDATE "ProductVariant" AS v SET "stock" = v."stock" + items.quantity, "updatedAt" = ${now}
      FROM (SELECT "variantId", SUM("quantity")::int AS quantity FROM "OrderItem"
             WHERE "orderId" = ${orderId} AND "variantId" IS NOT NULL GROUP BY "variantId") AS items
     WHERE v."id" = items."variantId")`;
}

/**
 * The `stock_restocked` part of a refund's statement: a refunded order's units go back on sale,
 * once (the refund rules decide it under the order's lock, and the statement sets
 * Order.refundRestocked with it), on the variant each line bought, as a release does.
 */
export function unitsPutBack(orderId: string, now: Date): Prisma.Sql {
  return unitsBackOnSale("stock_restocked", orderId, now);
}

/**
 * Takes `quantity` units of a variant for a new order, only if that many can still be sold: a
 * conditional update, so when many customers race for the last unit exactly one gets it. It
 * takes the variant's row lock, as a stock adjustment does, so the two queue up.
 * Answers the variant's price override as it is under that lock, or the units left when it
 * could not.
 */
export async function reserveStock(
  tx: Transaction,
  variantId: string,
  quantity: number,
): Promise<{ reserved: true; priceCents: ProductVariant["priceCents"] } | { reserved: false; left: number }> {
  const taken = await tx.query<Pick<ProductVariant, "priceCents">>(Prisma.sql`
    UPDATE "ProductVariant" SET "stock" = "stock" - ${quantity}, "updatedAt" = ${new Date()}
     WHERE "id" = ${variantId} AND "archivedAt" IS NULL AND "stock" >= ${quantity}
    RETURNING "priceCents"`);
  // The variant's own price as it is under this row lock: the one this order is sold at.
  if (taken[0]) return { reserved: true, priceCents: taken[0].priceCents };
  // A statement of its own: it must see the commit of the order that took the units (one
  // statement's snapshot would still show them), so the message says what is really left.
  const [variant] = await tx.query<Pick<ProductVariant, "stock">>(
    Prisma.sql`SELECT "stock" FROM "ProductVariant" WHERE "id" = ${variantId}`,
  );
  return { reserved: false, left: Math.max(0, variant?.stock ?? 0) };
}
