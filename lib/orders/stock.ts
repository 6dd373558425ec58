// Stock held by an order moves exactly once: RESERVED → COMMITTED (paid) or → RELEASED (expired,
// cancelled, never started). The guard is the conditional update of Order.stockState, so two
// concurrent callers can never both release or both commit the same order's units.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Puts the order's reserved units back on sale. Returns false when they had already moved. */
export async function releaseStock(tx: Tx, orderId: string): Promise<boolean> {
  return moveStock(tx, orderId, "RELEASED");
}

/** Turns the order's reservation into a sale: the units leave stock for good. */
export async function commitStock(tx: Tx, orderId: string): Promise<boolean> {
  return moveStock(tx, orderId, "COMMITTED");
}

async function moveStock(tx: Tx, orderId: string, to: "RELEASED" | "COMMITTED"): Promise<boolean> {
  const moved = await tx.order.updateMany({
    where: { id: orderId, stockState: "RESERVED" },
    data: { stockState: to },
  });
  if (moved.count === 0) return false;
  const items = await tx.orderItem.findMany({ where: { orderId, productId: { not: null } } });
  for (const item of items) {
    if (to === "RELEASED") {
      await tx.$executeRaw`UPDATE "Product" SET "reserved" = GREATEST("reserved" - ${item.quantity}, 0), "updatedAt" = now()
                            WHERE "id" = ${item.productId}`;
    } else {
      await tx.$executeRaw`UPDATE "Product" SET "reserved" = GREATEST("reserved" - ${item.quantity}, 0),
                                                "stock" = "stock" - ${item.quantity}, "updatedAt" = now()
                            WHERE "id" = ${item.productId}`;
    }
  }
  return true;
}
