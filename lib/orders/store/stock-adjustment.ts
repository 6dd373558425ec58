// A person changing a variant's stock (the admin's "set to 12" or "+5, delivery from the
// printer"), and what open orders hold of it. The adjustment is read and written under the
// variant's row lock, the same lock a checkout's conditional reservation takes, so an adjustment
// racing a checkout never takes the stock below zero: whichever comes second sees the other's
// result. The StockAdjustment row is written in the same transaction, so every change a person
// made has its who, when and why, and none is recorded that did not happen.
import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma, type ProductVariant } from "@/lib/generated/prisma/client";
import { transaction, type Transaction } from "@/lib/sql";

export interface StockAdjustmentInput {
  variantId: string;
  /** Units to add (positive) or remove (negative). Exactly one of `delta` and `setTo`. */
  delta?: number;
  /** The stock to set, whatever it is now (a count after a stocktake). */
  setTo?: number;
  /** Why ("delivery from the printer", "stocktake", "damaged"). */
  reason: string;
  /** Who ("admin" plus the client address). */
  actor: string;
}

export type StockAdjusted = { ok: true; stock: number; held: number; adjustmentId: string | null };
export type StockAdjustmentRefused =
  | { ok: false; code: "negative_stock"; message: string; available: number }
  | { ok: false; code: "not_found" | "invalid"; message: string };

const MAX_STOCK = 1_000_000;
const MAX_TEXT = 200;

/** The input's mistakes, in words for the merchant, or null when it is well formed. */
function invalid(input: StockAdjustmentInput): string | null {
  const hasDelta = input.delta !== undefined;
  const hasSetTo = input.setTo !== undefined;
  if (hasDelta === hasSetTo) return "Give either a change (+/−) or a new stock count, not both.";
  if (hasDelta && (!Number.isInteger(input.delta) || input.delta === 0 || Math.abs(input.delta!) > MAX_STOCK))
    return `Enter a whole number of units to add or remove, not 0, at most ${MAX_STOCK}.`;
  if (hasSetTo && (!Number.isInteger(input.setTo) || input.setTo! < 0 || input.setTo! > MAX_STOCK))
    return `Enter a stock count between 0 and ${MAX_STOCK}.`;
  if (!input.reason.trim() || input.reason.length > MAX_TEXT)
    return `Say why the stock changes (at most ${MAX_TEXT} characters).`;
  if (!input.actor.trim() || input.actor.length > MAX_TEXT) return "The adjustment needs an author.";
  return null;
}

/**
 * Adds to, removes from or sets a variant's stock, never below zero, recording who, when and
 * why. Answers the stock after it and the units open orders hold besides, or why it refused.
 */
export async function adjustVariantStock(
  input: StockAdjustmentInput,
): Promise<StockAdjusted | StockAdjustmentRefused> {
  const problem = invalid(input);
  if (problem) return { ok: false, code: "invalid", message: problem };
  return transaction(async (tx) => {
    const [variant] = await tx.query<Pick<ProductVariant, "stock">>(Prisma.sql`
      SELECT "stock" FROM "ProductVariant" WHERE "id" = ${input.variantId} FOR UPDATE`);
    if (!variant) return { ok: false, code: "not_found", message: "This variant no longer exists." } as const;
    const delta = input.setTo !== undefined ? input.setTo - variant.stock : input.delta!;
    const after = variant.stock + delta;
    if (after < 0) {
      return {
        ok: false,
        code: "negative_stock",
        available: variant.stock,
        message: `Only ${variant.stock} in stock: you can remove at most ${variant.stock}.`,
      } as const;
    }
    const held = (await heldUnits(tx, [input.variantId]))[input.variantId] ?? 0;
    // Setting the count it already has changes nothing, and records nothing.
    if (delta === 0) return { ok: true, stock: after, held, adjustmentId: null } as const;
    const adjustmentId = randomUUID();
    const now = new Date();
    await tx.query(Prisma.sql`
      WITH "stock_set" AS (
        UPDATE "ProductVariant" SET "stock" = ${after}, "updatedAt" = ${now} WHERE "id" = ${input.variantId})
      INSERT INTO "StockAdjustment" ("id", "variantId", "delta", "stockAfter", "reason", "actor", "createdAt")
      VALUES (${adjustmentId}, ${input.variantId}, ${delta}, ${after}, ${input.reason.trim()}, ${input.actor.trim()}, ${now})`);
    return { ok: true, stock: after, held, adjustmentId } as const;
  });
}

/**
 * Units of each variant that open orders (PENDING or CONFIRMING, stock still reserved) hold:
 * already taken out of `stock`, and back in it if those orders expire or are cancelled.
 */
export async function unitsHeldByOpenOrders(variantIds: string[]): Promise<Record<string, number>> {
  if (variantIds.length === 0) return {};
  return transaction((tx) => heldUnits(tx, variantIds));
}

async function heldUnits(tx: Transaction, variantIds: string[]): Promise<Record<string, number>> {
  const rows = await tx.query<{ variantId: string; held: number }>(Prisma.sql`
    SELECT i."variantId", SUM(i."quantity")::int AS "held"
      FROM "OrderItem" AS i JOIN "Order" AS o ON o."id" = i."orderId"
     WHERE i."variantId" IN (${Prisma.join(variantIds)})
       AND o."status" IN ('PENDING', 'CONFIRMING') AND o."stockState" = 'RESERVED'
     GROUP BY i."variantId"`);
  const held: Record<string, number> = Object.fromEntries(variantIds.map((id) => [id, 0]));
  for (const row of rows) held[row.variantId] = row.held;
  return held;
}
