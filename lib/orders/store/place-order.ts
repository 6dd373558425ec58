// Turns a cart into a PENDING order with its stock reserved, in one transaction: re-priced from
// the database (never from the browser), and never oversold: each line reserves its variant's
// units with a conditional update (stock.ts), so when many customers race for the last unit
// exactly one gets it. The order keeps a snapshot of what was bought (name, variant, SKU, unit
// price), so a later edit or archive of the product never changes it.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Order, OrderItem, Product, ProductVariant } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { variantTitle } from "@/lib/catalog/product-shape";
import type { OrderChange } from "@/lib/order-change";
import { newOrderId } from "@/lib/order-id";
import { historyAdded } from "./history-row";
import { changeOrders, writeChange, type OrderTransaction } from "./order-transaction";
import {
  lockCheckout,
  openOrderLimitReached,
  orderOfSubmission,
  type Buyer,
  type OpenOrderLimits,
} from "./checkout-guard";
import { reserveStock } from "./stock";

/** A line of the order to place: which variant, how many (the price comes from the database). */
export type OrderLine = Pick<OrderItem, "quantity"> & { variantId: string };

type PlacedItem = Pick<OrderItem, "name" | "variantTitle" | "unitPriceCents" | "quantity">;
type ItemSnapshot = PlacedItem & Pick<OrderItem, "productId" | "variantId" | "sku">;
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

    const items = await reserveLines(tx, input.lines);
    const order = {
      id: newOrderId(),
      totalCents: items.reduce((sum, item) => sum + item.unitPriceCents * item.quantity, 0),
      items: items.map(({ name, variantTitle, unitPriceCents, quantity }) => ({
        name,
        variantTitle,
        unitPriceCents,
        quantity,
      })),
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

type SellableVariant = Pick<ProductVariant, "id" | "productId" | "optionValues" | "sku"> &
  Pick<Product, "name" | "priceCents">;

/**
 * Reserves every line's units and answers the order's snapshot. The products are read FOR SHARE,
 * so an edit of their price or status waits for this checkout to commit (and applies to the next
 * one), and a variant's own price is read back from the reservation, which holds its row lock:
 * the price the order records is the one in force when its units were taken.
 */
async function reserveLines(tx: OrderTransaction, requested: OrderLine[]): Promise<ItemSnapshot[]> {
  // One line per variant (a cart has that already; a caller of the store might not).
  const quantities = new Map<string, number>();
  for (const line of requested)
    quantities.set(line.variantId, (quantities.get(line.variantId) ?? 0) + line.quantity);
  const lines = [...quantities].map(([variantId, quantity]) => ({ variantId, quantity }));
  const variants = await tx.query<SellableVariant>(Prisma.sql`
    SELECT v."id", v."productId", v."optionValues", v."sku", p."name", p."priceCents"
      FROM "ProductVariant" AS v JOIN "Product" AS p ON p."id" = v."productId"
     WHERE v."id" IN (${Prisma.join(lines.map((line) => line.variantId))})
       AND p."status" = 'ACTIVE' AND v."archivedAt" IS NULL
       FOR SHARE OF p`);
  const byId = new Map(variants.map((variant) => [variant.id, variant]));
  // Always in the same order, so two carts with the same variants cannot deadlock.
  const sorted = [...lines].sort((a, b) => (a.variantId < b.variantId ? -1 : 1));
  const items: ItemSnapshot[] = [];
  for (const line of sorted) {
    const variant = byId.get(line.variantId);
    if (!variant) {
      throw new CheckoutRefused(
        "unavailable",
        "An item in your cart is no longer sold. Please review your cart.",
      );
    }
    const title = variantTitle(variant.optionValues);
    const label = title ? `${variant.name} (${title})` : variant.name;
    const taken = await reserveStock(tx, variant.id, line.quantity);
    if (!taken.reserved) {
      throw new CheckoutRefused(
        "sold_out",
        taken.left === 0
          ? `Sorry, ${label} just sold out.`
          : `Only ${taken.left} ${label} left. Please lower the quantity.`,
      );
    }
    items.push({
      productId: variant.productId,
      variantId: variant.id,
      name: variant.name,
      variantTitle: title,
      sku: variant.sku,
      unitPriceCents: taken.priceCents ?? variant.priceCents,
      quantity: line.quantity,
    });
  }
  // The customer's order of lines, for the snapshot.
  return lines.map((line) => items.find((item) => item.variantId === line.variantId)!);
}

async function insertOrder(
  tx: OrderTransaction,
  order: PendingOrder,
  items: ItemSnapshot[],
  { email, guard }: { email: string | null; guard: CheckoutGuard | undefined },
): Promise<void> {
  const change: OrderChange = {
    orderId: order.id,
    from: null,
    to: "PENDING",
    source: "checkout",
    needsReview: false,
    reason: "order placed, stock reserved",
    productIds: [...new Set(items.flatMap((item) => (item.productId ? [item.productId] : [])))],
  };
  const now = new Date();
  const rows = items.map(
    (item) =>
      Prisma.sql`(${randomUUID()}, ${order.id}, ${item.productId}, ${item.variantId}, ${item.name},
                  ${item.variantTitle}::text, ${item.sku}::text, ${item.unitPriceCents}, ${item.quantity})`,
  );
  const parts = [
    Prisma.sql`"order_placed" AS (
      INSERT INTO "Order" ("id", "totalCents", "email", "buyerKey", "buyerAddressHash", "checkoutKey", "createdAt", "updatedAt")
      VALUES (${order.id}, ${order.totalCents}, ${email}::text, ${guard?.buyer.key ?? null}::text,
              ${guard?.buyer.addressHash ?? null}::text, ${guard?.checkoutKey ?? null}::text, ${now}, ${now}))`,
    Prisma.sql`"items_added" AS (
      INSERT INTO "OrderItem" ("id", "orderId", "productId", "variantId", "name", "variantTitle", "sku", "unitPriceCents", "quantity")
      VALUES ${Prisma.join(rows)})`,
    historyAdded(change, null, now),
  ];
  await writeChange(tx, change, parts);
}
