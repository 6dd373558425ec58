// Where the cart lives between requests: an httpOnly cookie holding ids and quantities only.
import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { CART_COOKIE, decodeCart, decodeLegacyCart, encodeCart, type LegacyCartLine } from "./cart-cookie";
import { CART_COUNT_COOKIE } from "./cart-count-cookie";
import { addQuantity, countItems, type CartLine } from "./cart-lines";

const THIRTY_DAYS = 60 * 60 * 24 * 30;

export async function readCartLines(): Promise<CartLine[]> {
  const value = (await cookies()).get(CART_COOKIE)?.value;
  const legacy = decodeLegacyCart(value);
  return legacy.length ? onDefaultVariants(legacy) : decodeCart(value);
}

/**
 * A cart from before variants, moved onto each product's default variant. A product that has
 * options now has no default variant: its line is dropped (the cart page reads without it). The
 * cookie is rewritten in the new format the next time the cart changes.
 */
async function onDefaultVariants(legacy: LegacyCartLine[]): Promise<CartLine[]> {
  const variants = await db.productVariant.findMany({
    where: { productId: { in: legacy.map((line) => line.productId) }, optionKey: "" },
    select: { id: true, productId: true },
  });
  const variantOf = new Map(variants.map((variant) => [variant.productId, variant.id]));
  return legacy.reduce<CartLine[]>((lines, line) => {
    const variantId = variantOf.get(line.productId);
    return variantId ? addQuantity(lines, variantId, line.quantity) : lines;
  }, []);
}

/** Only from a server action or route handler (cookies are read-only while rendering). */
export async function writeCartLines(lines: CartLine[]): Promise<void> {
  const store = await cookies();
  if (lines.length === 0) {
    store.delete(CART_COOKIE);
    store.delete(CART_COUNT_COOKIE);
    return;
  }
  const options = {
    sameSite: "lax",
    secure: getEnv().APP_URL.startsWith("https://"),
    path: "/",
    maxAge: THIRTY_DAYS,
  } as const;
  store.set(CART_COOKIE, encodeCart(lines), { ...options, httpOnly: true });
  // For the header's count, drawn by the browser on prerendered pages (cart-count-cookie.ts).
  store.set(CART_COUNT_COOKIE, String(countItems(lines)), { ...options, httpOnly: false });
}
