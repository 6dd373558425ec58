// The cart cookie's format: base64url JSON of [productId, quantity] pairs, validated on the way in.
import { z } from "zod";
import { MAX_LINES, MAX_QUANTITY, mergeDuplicates, type CartLine } from "./cart-lines";

export const CART_COOKIE = "cart";

const cartSchema = z
  .array(z.tuple([z.string().min(1).max(64), z.number().int().min(1).max(MAX_QUANTITY)]))
  .max(MAX_LINES);

/** Decodes the cookie value; anything malformed or tampered reads as an empty cart. */
export function decodeCart(value: string | undefined): CartLine[] {
  const parsed = cartSchema.safeParse(readJson(value));
  if (!parsed.success) return [];
  return mergeDuplicates(parsed.data.map(([productId, quantity]) => ({ productId, quantity })));
}

/** The cookie's JSON, or undefined when there is no cookie or it is not base64url JSON. */
function readJson(value: string | undefined): unknown {
  // Stryker disable next-line ConditionalExpression: equivalent, see stryker/equivalents.md
  if (!value) return undefined;
  try {
    return JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

export function encodeCart(lines: CartLine[]): string {
  const compact = lines.map((line) => [line.productId, line.quantity]);
  return Buffer.from(JSON.stringify(compact)).toString("base64url");
}
