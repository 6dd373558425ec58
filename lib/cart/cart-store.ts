// Where the cart lives between requests: an httpOnly cookie holding ids and quantities only.
import "server-only";
import { cookies } from "next/headers";
import { getEnv } from "@/lib/env";
import { CART_COOKIE, decodeCart, decodeLegacyCart, encodeCart } from "./cart-cookie";
import { CART_COUNT_COOKIE } from "./cart-count-cookie";
import { countItems, type CartLine } from "./cart-lines";
import { onDefaultVariants } from "./legacy-cart";

const THIRTY_DAYS = 60 * 60 * 24 * 30;

export async function readCartLines(): Promise<CartLine[]> {
  const value = (await cookies()).get(CART_COOKIE)?.value;
  // A cookie from before variants (product ids): moved onto default variants (legacy-cart.ts).
  const legacy = decodeLegacyCart(value);
  return legacy.length ? onDefaultVariants(legacy) : decodeCart(value);
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
