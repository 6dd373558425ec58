// Where QBitFlow sends the customer after paying. The redirect proves nothing: the page asks
// QBitFlow for the session's status, applies it through the transition function, and shows the
// order's real state. It never marks an order paid because someone opened this URL.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StaleNotice } from "@/components/checkout/order-notice";
import { OrderStatus } from "@/components/checkout/order-status";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { loadOrderPage } from "@/lib/orders/order-page";

export const metadata: Metadata = { title: "Your order", robots: { index: false } };

interface SuccessPageProps {
  searchParams: Promise<{ order?: string | string[]; session?: string | string[] }>;
}

export default async function SuccessPage({ searchParams }: SuccessPageProps) {
  const { order, session } = await searchParams;
  const state = await loadOrderPage({ orderId: order, sessionId: session ?? null, source: "success_page" });
  // Missing, unknown or foreign parameters: a real 404, decided before anything streams.
  if (state.kind !== "ok") notFound();
  return (
    <Container className="max-w-2xl py-10 sm:py-14">
      <div className="space-y-6">
        {state.stale ? <StaleNotice /> : null}
        <OrderStatus initialOrder={state.view} />
        <p className="text-sm text-muted">
          Keep this link to come back to your order:{" "}
          <Link href={`/orders/${state.view.id}`} className="text-brand underline underline-offset-4">
            order {state.view.code}
          </Link>
        </p>
        <ButtonLink href="/" variant="secondary">
          Continue shopping
        </ButtonLink>
      </div>
    </Container>
  );
}
