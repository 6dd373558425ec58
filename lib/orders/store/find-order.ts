// Which order a QBitFlow event is about: by its reference (our order id), else by session id.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { isOrderId } from "@/lib/order-id";

/** What an event says about the order it concerns. */
export interface OrderNames {
  reference: string | null;
  sessionId: string | null;
}

/**
 * A scalar SQL expression: the id of the order the names point at, or NULL. The reference wins;
 * the session id is the fallback for payments whose reference was lost or never set.
 */
export function orderIdNamedBy(names: OrderNames): Prisma.Sql {
  const reference = isOrderId(names.reference) ? names.reference : null;
  return Prisma.sql`COALESCE(
    (SELECT "id" FROM "Order" WHERE "id" = ${reference}::text),
    (SELECT "id" FROM "Order" WHERE "qbitflowSessionId" = ${names.sessionId}::text))`;
}
