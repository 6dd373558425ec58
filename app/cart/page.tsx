import type { Metadata } from "next";
import { CartView } from "@/components/cart/cart-view";
import { CheckoutForm } from "@/components/cart/checkout-form";
import { Container } from "@/components/ui/container";
import { newSubmissionKey } from "@/lib/cart/buyer";
import { readCartLines } from "@/lib/cart/cart-store";
import { priceCart } from "@/lib/cart/priced-cart";

export const metadata: Metadata = { title: "Your cart" };

export default async function CartPage() {
  const cart = await priceCart(await readCartLines());
  return (
    <Container className="py-8 sm:py-12">
      <h1 className="mb-6 font-display text-3xl font-semibold tracking-tight">Your cart</h1>
      <CartView cart={cart}>
        {/* A key per rendered form: posting it twice (a double click, a retry) is one order. */}
        <CheckoutForm submissionKey={newSubmissionKey()} />
      </CartView>
    </Container>
  );
}
