// The number of items in the cart, in a cookie the browser can read: the header's cart count is
// drawn by the browser, so the prerendered catalogue pages carry nothing of any one customer.
// Display only: the cart itself is the httpOnly cart cookie, and nothing on the server reads
// this one. Pure and browser-safe.
export const CART_COUNT_COOKIE = "cart_count";

/** The count in a `document.cookie` string; 0 when absent or not a small whole number. */
export function cartCountFrom(cookieHeader: string): number {
  const match = new RegExp(`(?:^|;\\s*)${CART_COUNT_COOKIE}=(\\d{1,4})(?:;|$)`).exec(cookieHeader);
  return match ? Number(match[1]) : 0;
}

/** Fired on window after the cart changed in this tab, so the count re-reads its cookie. */
export const CART_CHANGED_EVENT = "cart:changed";
