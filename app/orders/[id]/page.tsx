// An order's page, reachable any time from the receipt link. The order id in the URL is the
// capability: 128 random bits that nobody can guess.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StaleNotice } from "@/components/checkout/order-notice";
import { OrderStatus } from "@/components/checkout/order-status";
import { Container } from "@/components/ui/container";
import { loadOrderPage } from "@/lib/orders/order-page";
import { kick } from "@/lib/background";

export const metadata: Metadata = { title: "Your order", robots: { index: false } };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  kick("visit");
  const state = await loadOrderPage({ orderId: id, source: "status_check" });
  // Before anything streams, so the response carries a real 404 status.
  if (state.kind !== "ok") notFound();
  return (
    <Container className="max-w-2xl py-10 sm:py-14">
      <div className="space-y-6">
        {state.stale ? <StaleNotice /> : null}
        <OrderStatus initialOrder={state.view} />
      </div>
    </Container>
  );
}
