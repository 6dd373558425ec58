// Turns a cart into a PENDING order with its stock reserved, in one transaction: re-priced from
// the database (never from the browser), and never oversold: each line reserves its units with a
// conditional update (stock.ts), so when many customers race for the last unit exactly one gets it.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Order, OrderItem, Product } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { writtenWithChange, type OrderChange } from "@/lib/orders/after-commit";
import { newOrderId } from "@/lib/orders/order-id";
import { together } from "@/lib/sql";
import { changeOrders, recordChange, type OrderTransaction } from "./order-transaction";
import {
  lockCheckout,
  openOrderLimitReached,
  orderOfSubmission,
  type Buyer,
  type OpenOrderLimits,
} from "./checkout-guard";
import { reserveStock } from "./stock";

/** A line of the order to place: which product, how many (the price comes from the database). */
export type OrderLine = Pick<OrderItem, "quantity"> & { productId: string };

type PlacedItem = Pick<OrderItem, "name" | "unitPriceCents" | "quantity">;
export type PendingOrder = Pick<Order, "id" | "totalCents"> & { items: PlacedItem[] };

/** An order placed now, or the one the same submission placed before (`reused`). */
export type PlacedOrder = PendingOrder & Pick<Order, "checkoutLink"> & { reused: boolean };

/** Who is checking out, and what they may hold (checkout-guard.ts). */
export interface CheckoutGuard {
  /** The checkout form's submission key: the same key finds the same unpaid order. */
  checkoutKey: string;
  buyer: Buyer;
  limits: OpenOrderLimits;
  /** How long an unpaid order holds its stock, for the message. */
  expiresInMinutes: number;
}

export class CheckoutRefused extends Error {
  constructor(
    readonly code: "empty_cart" | "unavailable" | "sold_out" | "too_many_open",
    message: string,
  ) {
    super(message);
    this.name = "CheckoutRefused";
  }
}

export async function createPendingOrder(input: {
  lines: OrderLine[];
  email?: string;
  guard?: CheckoutGuard;
}): Promise<PlacedOrder> {
  const { guard } = input;
  return changeOrders(async (tx) => {
    if (guard) {
      await lockCheckout(tx, guard.checkoutKey, guard.buyer);
      const earlier = await orderOfSubmission(tx, guard.checkoutKey);
      if (earlier) return { ...earlier, items: earlier.items ?? [], reused: true };
    }
    if (input.lines.length === 0) throw new CheckoutRefused("empty_cart", "Your cart is empty.");
    const limit = guard ? await openOrderLimitReached(tx, guard.buyer, guard.limits) : null;
    if (limit) throw new CheckoutRefused("too_many_open", tooManyOpen(limit, guard!));

    const products = await tx.query<Pick<Product, "id" | "name" | "priceCents">>(Prisma.sql`
      SELECT "id", "name", "priceCents" FROM "Product"
       WHERE "id" IN (${Prisma.join(input.lines.map((line) => line.productId))}) AND "active"`);
    const byId = new Map(products.map((product) => [product.id, product]));
    const items = input.lines.map((line) => {
      const product = byId.get(line.productId);
      if (!product) {
        throw new CheckoutRefused(
          "unavailable",
          "An item in your cart is no longer sold. Please review your cart.",
        );
      }
      return {
        productId: product.id,
        name: product.name,
        unitPriceCents: product.priceCents,
        quantity: line.quantity,
      };
    });

    for (const item of items) {
      const taken = await reserveStock(tx, item.productId, item.quantity);
      if (!taken.reserved) {
        throw new CheckoutRefused(
          "sold_out",
          taken.left === 0
            ? `Sorry, ${item.name} just sold out.`
            : `Only ${taken.left} ${item.name} left. Please lower the quantity.`,
        );
      }
    }

    const order = {
      id: newOrderId(),
      totalCents: items.reduce((sum, item) => sum + item.unitPriceCents * item.quantity, 0),
      items: items.map(({ name, unitPriceCents, quantity }) => ({ name, unitPriceCents, quantity })),
    };
    await insertOrder(tx, order, items, { email: input.email ?? null, guard });
    return { ...order, checkoutLink: null, reused: false };
  });
}

function tooManyOpen(reached: "buyer" | "address", guard: CheckoutGuard): string {
  const wait = `they expire ${guard.expiresInMinutes} minutes after they were opened`;
  return reached === "buyer"
    ? `You already have ${guard.limits.perBuyer} unpaid checkouts open. Pay or cancel one of them, or wait: ${wait}.`
    : `Too many unpaid checkouts are open from your network. Pay or cancel one of them, or wait: ${wait}.`;
}

async function insertOrder(
  tx: OrderTransaction,
  order: PendingOrder,
  items: (PlacedItem & { productId: string })[],
  { email, guard }: { email: string | null; guard: CheckoutGuard | undefined },
): Promise<void> {
  const change: OrderChange = {
    orderId: order.id,
    from: null,
    to: "PENDING",
    source: "checkout",
    needsReview: false,
    reason: "order placed, stock reserved",
  };
  const now = new Date();
  const hook = writtenWithChange(change);
  const rows = items.map(
    (item) =>
      Prisma.sql`(${randomUUID()}, ${order.id}, ${item.productId}, ${item.name}, ${item.unitPriceCents}, ${item.quantity})`,
  );
  const parts = [
    Prisma.sql`"order_placed" AS (
      INSERT INTO "Order" ("id", "totalCents", "email", "buyerKey", "buyerAddressHash", "checkoutKey", "createdAt", "updatedAt")
      VALUES (${order.id}, ${order.totalCents}, ${email}::text, ${guard?.buyer.key ?? null}::text,
              ${guard?.buyer.addressHash ?? null}::text, ${guard?.checkoutKey ?? null}::text, ${now}, ${now}))`,
    Prisma.sql`"items_added" AS (
      INSERT INTO "OrderItem" ("id", "orderId", "productId", "name", "unitPriceCents", "quantity")
      VALUES ${Prisma.join(rows)})`,
    Prisma.sql`"history_added" AS (
      INSERT INTO "OrderStatusChange" ("id", "orderId", "toStatus", "source", "reason", "createdAt")
      VALUES (${randomUUID()}, ${order.id}, 'PENDING'::"OrderStatus", ${change.source}, ${change.reason}, ${now}))`,
    ...hook.parts,
  ];
  await tx.query(together(parts, hook.select));
  recordChange(tx, change);
}
