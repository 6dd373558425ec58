// The locking reads: an order is read with SELECT … FOR UPDATE before any decision about it, so
// concurrent callers with the same news queue up and all but the first find nothing left to do.
import "server-only";
import type { Order } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Statement } from "@/lib/sql";
import type { OrderTransaction } from "./order-transaction";

/** What the transition and refund rules read of an order (transition-rules.ts, refund-rules.ts), plus its id. */
const LOCKED_COLUMNS = [
  "id",
  "status",
  "stockState",
  "totalCents",
  "txHash",
  "lastAttemptCode",
  "lastAttemptAt",
  "qbitflowSessionId",
  "refundStatus",
  "refundUuid",
  "refundRestock",
  "refundRestocked",
] as const satisfies readonly (keyof Order)[];

/** An order as read under its row lock. */
export type LockedOrder = Pick<Order, (typeof LOCKED_COLUMNS)[number]>;

const SELECTED = Prisma.raw(LOCKED_COLUMNS.map((column) => `o."${column}"`).join(", "));

/** Reads and locks the order whose id `orderId` (a value or an SQL expression) names. */
export async function lockOrder(
  tx: OrderTransaction,
  orderId: string | Statement,
): Promise<LockedOrder | null> {
  const [order] = await tx.query<LockedOrder>(
    Prisma.sql`SELECT ${SELECTED} FROM "Order" AS o WHERE o."id" = ${orderId} FOR UPDATE`,
  );
  return order ?? null;
}

/**
 * The same read as a SELECT to embed in a larger statement (the webhook inbox's claim): locks
 * the order named by `orderId` only when a row of `from` satisfies `when`.
 */
export function lockOrderWhen(orderId: Statement, from: Statement, when: Statement): Statement {
  return Prisma.sql`SELECT ${SELECTED} FROM "Order" AS o, ${from}
   WHERE ${when} AND o."id" = ${orderId}
     FOR UPDATE OF o`;
}
