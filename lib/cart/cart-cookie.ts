// The cart cookie's format: base64url JSON `{"v":2,"lines":[[variantId, quantity], …]}`, validated
// on the way in. Carts written before variants existed are a bare array of [productId, quantity]
// pairs: decodeLegacyCart reads those, and the cart store moves them onto each product's default
// variant, so a customer's cart survives the upgrade.
import { z } from "zod";
import { MAX_LINES, MAX_QUANTITY, mergeDuplicates, type CartLine } from "./cart-lines";

export const CART_COOKIE = "cart";

const pairs = z
  .array(z.tuple([z.string().min(1).max(64), z.number().int().min(1).max(MAX_QUANTITY)]))
  .max(MAX_LINES);
const cartSchema = z.strictObject({ v: z.literal(2), lines: pairs });

/** A line of a cart written before variants: a product id, bought through its default variant. */
export interface LegacyCartLine {
  productId: string;
  quantity: number;
}

/** Decodes the cookie value; anything malformed, tampered or of the old format reads as empty. */
export function decodeCart(value: string | undefined): CartLine[] {
  const parsed = cartSchema.safeParse(readJson(value));
  if (!parsed.success) return [];
  return mergeDuplicates(parsed.data.lines.map(([variantId, quantity]) => ({ variantId, quantity })));
}

/** The lines of a cookie in the format before variants, or [] for any other value. */
export function decodeLegacyCart(value: string | undefined): LegacyCartLine[] {
  const parsed = pairs.safeParse(readJson(value));
  if (!parsed.success) return [];
  return parsed.data.map(([productId, quantity]) => ({ productId, quantity }));
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
  const compact = { v: 2, lines: lines.map((line) => [line.variantId, line.quantity]) };
  return Buffer.from(JSON.stringify(compact)).toString("base64url");
}
