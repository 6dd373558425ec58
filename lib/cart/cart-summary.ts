// The cart as the drawer shows it (GET /api/cart): the priced lines, the total, and the
// test-mode cap when the store runs on a test key.
import "server-only";
import { getAccountMode } from "@/lib/qbitflow/account-mode";
import { TEST_MODE_MAX_TOTAL_CENTS } from "@/lib/qbitflow/test-mode-limit";
import { readCartLines } from "./cart-store";
import { priceCart, type PricedCart } from "./priced-cart";

export interface CartSummary extends PricedCart {
  /** QBitFlow's test-mode limit on an order's total, or null in live mode. */
  capCents: number | null;
}

export async function cartSummary(): Promise<CartSummary> {
  const [cart, mode] = await Promise.all([readCartLines().then(priceCart), getAccountMode()]);
  return { ...cart, capCents: mode === "test" ? TEST_MODE_MAX_TOTAL_CENTS : null };
}
