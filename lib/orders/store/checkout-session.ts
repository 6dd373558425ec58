// The QBitFlow checkout session opened for an order: its id (which later names the payment), the
// hosted page's link and when it expires. Not a status change, so no hook: the order stays
// PENDING until QBitFlow says more.
import "server-only";
import { db } from "@/lib/db";
import type { Order } from "@/lib/generated/prisma/client";

export type CheckoutSessionColumns = Pick<Order, "qbitflowSessionId" | "checkoutLink" | "expiresAt">;

export async function attachCheckoutSession(orderId: string, session: CheckoutSessionColumns): Promise<void> {
  await db.order.update({ where: { id: orderId }, data: session });
}
