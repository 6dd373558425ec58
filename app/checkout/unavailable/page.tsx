// Where checkout sends the customer when our side failed (lib/cart/actions.ts), e.g. with the
// database down. It reads no data, so it renders when nothing else can, with or without
// JavaScript. No order and no payment session exist: nothing was charged.
import type { Metadata } from "next";
import { connection } from "next/server";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { SupportEmail } from "@/components/ui/support-email";

export const metadata: Metadata = { title: "Checkout unavailable", robots: { index: false } };

export default async function CheckoutUnavailablePage() {
  // Per request, for its CSP nonce: it is served under the strict policy (proxy.ts).
  await connection();
  return (
    <Container className="flex flex-col items-center py-24 text-center sm:py-32">
      <p className="text-sm font-semibold tracking-wide text-brand uppercase">Something went wrong</p>
      <h1 className="mt-3 font-display text-3xl font-semibold tracking-tight sm:text-4xl">
        We couldn&apos;t place your order
      </h1>
      <p className="mt-4 max-w-md text-pretty text-muted">
        This is on our side, not yours. <strong>Nothing was charged.</strong> Your cart is still here: please
        try again in a moment. If it keeps happening, write to us at <SupportEmail />.
      </p>
      <ButtonLink href="/cart" className="mt-8">
        Back to the cart
      </ButtonLink>
    </Container>
  );
}
