// Two guards in front of a new order, taken under advisory locks so concurrent checkouts of one
// customer queue up and each sees what the ones before it wrote:
// - the same checkout submission (a double click, a second tab, a retried POST) finds the order
//   the first one placed, so both end on the same payment page;
// - one customer (buyer cookie, or client address) may hold only so many unpaid orders at once,
//   so nobody can take a product's whole stock with checkouts they never pay.
import "server-only";
import type { Order, OrderItem } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrderTransaction } from "./order-transaction";

export interface Buyer {
  /** The buyer cookie's random id. */
  key: string | null;
  /** A hash of the client's address. */
  addressHash: string | null;
}

export interface OpenOrderLimits {
  perBuyer: number;
  perAddress: number;
}

export type OpenOrder = Pick<Order, "id" | "totalCents" | "checkoutLink"> & {
  items: Pick<OrderItem, "name" | "variantTitle" | "unitPriceCents" | "quantity">[];
};

// Advisory lock namespaces (the first argument of the two-key form), one per kind of key.
const LOCK = { submission: 7301, buyer: 7302, address: 7303 } as const;

/** Queues this checkout behind the customer's others: always in the same order, so no deadlock. */
export async function lockCheckout(tx: OrderTransaction, checkoutKey: string, buyer: Buyer): Promise<void> {
  const locks = [
    Prisma.sql`pg_advisory_xact_lock(${LOCK.submission}, hashtext(${checkoutKey}))`,
    ...(buyer.key ? [Prisma.sql`pg_advisory_xact_lock(${LOCK.buyer}, hashtext(${buyer.key}))`] : []),
    ...(buyer.addressHash
      ? [Prisma.sql`pg_advisory_xact_lock(${LOCK.address}, hashtext(${buyer.addressHash}))`]
      : []),
  ];
  await tx.query(Prisma.sql`SELECT ${Prisma.join(locks)}`);
}

/** The still-unpaid order this submission placed before, if any. */
export async function orderOfSubmission(
  tx: OrderTransaction,
  checkoutKey: string,
): Promise<OpenOrder | null> {
  const [order] = await tx.query<OpenOrder>(Prisma.sql`
    SELECT o."id", o."totalCents", o."checkoutLink",
           (SELECT json_agg(json_build_object('name', i."name", 'variantTitle', i."variantTitle", 'unitPriceCents', i."unitPriceCents", 'quantity', i."quantity"))
              FROM "OrderItem" AS i WHERE i."orderId" = o."id") AS "items"
      FROM "Order" AS o
     WHERE o."checkoutKey" = ${checkoutKey} AND o."status" = 'PENDING'
     ORDER BY o."createdAt" DESC LIMIT 1`);
  return order ?? null;
}

/** Why this buyer may not open another order now, or null when they may. */
export async function openOrderLimitReached(
  tx: OrderTransaction,
  buyer: Buyer,
  limits: OpenOrderLimits,
): Promise<"buyer" | "address" | null> {
  if (!buyer.key && !buyer.addressHash) return null;
  const [open] = await tx.query<{ byBuyer: number; byAddress: number }>(Prisma.sql`
    SELECT count(*) FILTER (WHERE "buyerKey" = ${buyer.key}::text)::int AS "byBuyer",
           count(*) FILTER (WHERE "buyerAddressHash" = ${buyer.addressHash}::text)::int AS "byAddress"
      FROM "Order"
     WHERE "status" = 'PENDING' AND ("buyerKey" = ${buyer.key}::text OR "buyerAddressHash" = ${buyer.addressHash}::text)`);
  if (open && open.byBuyer >= limits.perBuyer) return "buyer";
  if (open && open.byAddress >= limits.perAddress) return "address";
  return null;
}
