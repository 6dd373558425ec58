// A human has looked at an order flagged for review. Only the review columns change, never the
// status; the change still goes through the hook, so whatever follows a change (live pages
// today) hears of it.
import "server-only";
import { Prisma, type Order } from "@/lib/generated/prisma/client";
import type { OrderChange } from "@/lib/order-change";
import { changeOrders, writeChange } from "./order-transaction";

/** Closes the order's open review with `note`; false when it has none. */
export async function closeReview(orderId: string, note: string | null): Promise<boolean> {
  return changeOrders(async (tx) => {
    const [order] = await tx.query<Pick<Order, "status">>(
      Prisma.sql`SELECT "status" FROM "Order" WHERE "id" = ${orderId} AND "needsReview" AND "reviewedAt" IS NULL FOR UPDATE`,
    );
    if (!order) return false;
    const change: OrderChange = {
      orderId,
      from: order.status,
      to: order.status,
      source: "admin",
      needsReview: false,
      reason: "review closed",
    };
    const now = new Date();
    await writeChange(tx, change, [
      Prisma.sql`"review_closed" AS (
        UPDATE "Order" SET "reviewedAt" = ${now}, "reviewNote" = ${note}::text, "updatedAt" = ${now}
         WHERE "id" = ${orderId})`,
    ]);
    return true;
  });
}
