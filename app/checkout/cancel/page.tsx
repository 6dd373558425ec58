// Where QBitFlow sends a customer who left the payment page. Nothing was charged; the order stays
// open until it expires, so the customer can go back and pay, or cancel it here.
import type { Metadata } from "next";
import { CancelOrderForm } from "@/components/checkout/cancel-order-form";
import { notFound } from "next/navigation";
import { StaleNotice } from "@/components/checkout/order-notice";
import { OrderStatusView } from "@/components/checkout/order-status-view";
import { Container } from "@/components/ui/container";
import { loadOrderPage } from "@/lib/orders/order-page";

export const metadata: Metadata = { title: "Payment not completed", robots: { index: false } };

interface CancelPageProps {
  searchParams: Promise<{ order?: string | string[]; session?: string | string[] }>;
}

export default async function CancelPage({ searchParams }: CancelPageProps) {
  const { order, session } = await searchParams;
  const state = await loadOrderPage({ orderId: order, sessionId: session ?? null, source: "success_page" });
  // Missing, unknown or foreign parameters: a real 404, decided before anything streams.
  if (state.kind !== "ok") notFound();
  const open = state.view.status === "PENDING" && state.view.paymentLink !== null;
  return (
    <Container className="max-w-2xl space-y-6 py-10 sm:py-14">
      {state.stale ? <StaleNotice /> : null}
      {open ? (
        <p className="rounded-2xl border border-line bg-surface p-4 text-sm" role="status">
          You left the payment page. <strong>Nothing was charged.</strong> Your items stay reserved until the
          payment page closes: go back and pay, or cancel the order.
        </p>
      ) : null}
      <OrderStatusView order={state.view} />
      {state.sessionId ? (
        <CancelOrderForm orderId={state.view.id} sessionId={state.sessionId} open={open} />
      ) : null}
    </Container>
  );
}
