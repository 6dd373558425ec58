"use client";
// The header's item count. The header is part of prerendered pages, so the count is drawn here,
// in the browser, from the cart_count cookie: no customer's cart is ever in a cached page.
import { usePathname } from "next/navigation";
import { useSyncExternalStore } from "react";
import { CART_CHANGED_EVENT, cartCountFrom } from "@/lib/cart/cart-count-cookie";

function subscribe(onChange: () => void) {
  // This tab's changes announce themselves; another tab's are seen when this one regains focus.
  window.addEventListener(CART_CHANGED_EVENT, onChange);
  window.addEventListener("focus", onChange);
  window.addEventListener("pageshow", onChange);
  return () => {
    window.removeEventListener(CART_CHANGED_EVENT, onChange);
    window.removeEventListener("focus", onChange);
    window.removeEventListener("pageshow", onChange);
  };
}

export function CartCount() {
  // Re-rendered on every navigation, so a change made by a page (checkout empties the cart, a
  // cancelled order puts its items back) shows on the next page.
  usePathname();
  const count = useSyncExternalStore(
    subscribe,
    () => cartCountFrom(document.cookie),
    () => 0,
  );
  if (count === 0) return null;
  return (
    <span
      data-testid="cart-count"
      className="rounded-full bg-brand px-2 py-0.5 text-xs font-semibold text-white tabular-nums"
    >
      {count}
      <span className="sr-only"> {count === 1 ? "item" : "items"}</span>
    </span>
  );
}

/** Tells the count (and the cart drawer) that the cart changed. */
export function announceCartChanged(): void {
  window.dispatchEvent(new Event(CART_CHANGED_EVENT));
}
