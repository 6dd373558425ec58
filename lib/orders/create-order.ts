// Turns a cart into a PENDING order with its stock reserved, in one transaction: re-priced from
// the database (never from the browser), and never oversold: each line reserves its units with a
// conditional update, so when many customers race for the last unit exactly one gets it.
import "server-only";
import type { CartLine } from "@/lib/cart/cart-lines";
import { db } from "@/lib/db";
import { newOrderId } from "./order-id";

export interface PendingOrder {
  id: string;
  totalCents: number;
  items: { name: string; unitPriceCents: number; quantity: number }[];
}

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
  lines: CartLine[];
  email?: string;
}): Promise<PendingOrder> {
  if (input.lines.length === 0) throw new CheckoutRefused("empty_cart", "Your cart is empty.");
  const id = newOrderId();
  return db.$transaction(async (tx) => {
    const products = await tx.product.findMany({
      where: { id: { in: input.lines.map((line) => line.productId) }, active: true },
      select: { id: true, name: true, priceCents: true },
    });
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
      const reserved = await tx.$executeRaw`
        UPDATE "Product" SET "stock" = "stock" - ${item.quantity}, "updatedAt" = now()
         WHERE "id" = ${item.productId} AND "active" AND "stock" >= ${item.quantity}`;
      if (reserved === 0) throw await soldOut(tx, item);
    }

    const totalCents = items.reduce((sum, item) => sum + item.unitPriceCents * item.quantity, 0);
    await tx.order.create({
      data: {
        id,
        totalCents,
        email: input.email,
        items: { create: items },
        statusChanges: {
          create: { toStatus: "PENDING", source: "checkout", reason: "order placed, stock reserved" },
        },
      },
    });
    return {
      id,
      totalCents,
      items: items.map(({ name, unitPriceCents, quantity }) => ({ name, unitPriceCents, quantity })),
    };
  });
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

async function soldOut(tx: Tx, item: { productId: string; name: string; quantity: number }) {
  const product = await tx.product.findUnique({
    where: { id: item.productId },
    select: { stock: true },
  });
  const left = product ? Math.max(0, product.stock) : 0;
  return new CheckoutRefused(
    "sold_out",
    left === 0
      ? `Sorry, ${item.name} just sold out.`
      : `Only ${left} ${item.name} left. Please lower the quantity.`,
  );
}
