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
import { reserveStock } from "./stock";

/** A line of the order to place: which product, how many (the price comes from the database). */
export type OrderLine = Pick<OrderItem, "quantity"> & { productId: string };

type PlacedItem = Pick<OrderItem, "name" | "unitPriceCents" | "quantity">;
export type PendingOrder = Pick<Order, "id" | "totalCents"> & { items: PlacedItem[] };

export class CheckoutRefused extends Error {
  constructor(
    readonly code: "empty_cart" | "unavailable" | "sold_out",
    message: string,
  ) {
    super(message);
    this.name = "CheckoutRefused";
  }
}

export async function createPendingOrder(input: {
  lines: OrderLine[];
  email?: string;
}): Promise<PendingOrder> {
  if (input.lines.length === 0) throw new CheckoutRefused("empty_cart", "Your cart is empty.");
  return changeOrders(async (tx) => {
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
    await insertOrder(tx, order, items, input.email ?? null);
    return order;
  });
}

async function insertOrder(
  tx: OrderTransaction,
  order: PendingOrder,
  items: (PlacedItem & { productId: string })[],
  email: string | null,
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
      INSERT INTO "Order" ("id", "totalCents", "email", "createdAt", "updatedAt")
      VALUES (${order.id}, ${order.totalCents}, ${email}::text, ${now}, ${now}))`,
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
