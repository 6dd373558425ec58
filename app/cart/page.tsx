import type { Metadata } from "next";
import { connection } from "next/server";
import { CartView } from "@/components/cart/cart-view";
import { CheckoutForm } from "@/components/cart/checkout-form";
import { Container } from "@/components/ui/container";
import { newSubmissionKey } from "@/lib/cart/buyer";
import { readCartLines } from "@/lib/cart/cart-store";
import { priceCart } from "@/lib/cart/priced-cart";
import { getAccountMode } from "@/lib/qbitflow/account-mode";
import { TEST_MODE_MAX_TOTAL_CENTS } from "@/lib/qbitflow/test-mode-limit";
import { kick } from "@/lib/background";

export const metadata: Metadata = { title: "Your cart" };

export default async function CartPage() {
  // Per request: the customer's own page, under the strict nonce policy (proxy.ts).
  await connection();
  // The catalogue pages are prerendered: per-request pages kick the background (lib/background/).
  kick("visit");
  const [cart, mode] = await Promise.all([readCartLines().then(priceCart), getAccountMode()]);
  return (
    <Container className="py-8 sm:py-12">
      <h1 className="mb-6 font-display text-3xl font-semibold tracking-tight">Your cart</h1>
      <CartView cart={cart} capCents={mode === "test" ? TEST_MODE_MAX_TOTAL_CENTS : null}>
        {/* A key per rendered form: posting it twice (a double click, a retry) is one order. */}
        <CheckoutForm submissionKey={newSubmissionKey()} />
      </CartView>
    </Container>
  );
}
