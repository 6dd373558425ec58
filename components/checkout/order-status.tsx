"use client";
// The order's status, live: React Query holds the order (seeded from the server render), the
// WebSocket pushes each change into it with setQueryData, and whenever the socket is not
// delivering the same query polls the JSON status route instead. Same UI either way.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { isSettled } from "@/lib/orders/order-events";
import type { OrderView } from "@/lib/orders/order-view";
import { ExpiryCountdown } from "./expiry-countdown";
import { OrderStatusView } from "./order-status-view";
import { useLiveOrder, type LiveTransport } from "./use-live-order";

const POLL_INTERVAL_MS = 3_000;

const ANNOUNCEMENTS: Record<OrderView["status"], string> = {
  PENDING: "Waiting for your payment.",
  CONFIRMING: "Payment sent, waiting for confirmation.",
  PAID: "Payment received. Your order is confirmed.",
  EXPIRED: "The checkout expired. Nothing was charged.",
  CANCELLED: "The order was cancelled. Nothing was charged.",
};

const settled = (order: OrderView) => isSettled(order.status, order.refund?.status ?? null);

const REFUND_ANNOUNCEMENTS: Record<NonNullable<OrderView["refund"]>["status"], string> = {
  REQUESTED: "Your refund request was sent to the shop.",
  PENDING: "The shop started a refund.",
  REFUNDED: "Your refund was sent.",
  DENIED: "The refund was declined.",
};

async function fetchOrder(orderId: string): Promise<OrderView> {
  const response = await fetch(`/api/orders/${orderId}/status`, { cache: "no-store" });
  if (!response.ok) throw new Error(`status ${response.status}`);
  return ((await response.json()) as { order: OrderView }).order;
}

export function OrderStatus({ initialOrder }: { initialOrder: OrderView }) {
  const queryKey = ["order", initialOrder.id];
  const queryClient = useQueryClient();
  const [transport, setTransport] = useState<LiveTransport>("connecting");
  const { data: order } = useQuery({
    queryKey,
    queryFn: () => fetchOrder(initialOrder.id),
    initialData: initialOrder,
    refetchInterval: (query) =>
      transport === "fallback" && !settled(query.state.data ?? initialOrder) ? POLL_INTERVAL_MS : false,
  });

  useLiveOrder(initialOrder.id, {
    enabled: !settled(order),
    onSnapshot: (snapshot) => queryClient.setQueryData(queryKey, snapshot),
    onTransport: setTransport,
  });

  // Announce status and refund changes (not the first render) to screen readers.
  const [announcement, setAnnouncement] = useState("");
  const refundStatus = order.refund?.status ?? null;
  const shown = useRef({ status: order.status, refundStatus });
  useEffect(() => {
    const before = shown.current;
    if (before.status === order.status && before.refundStatus === refundStatus) return;
    shown.current = { status: order.status, refundStatus };
    const refundMoved = before.status === order.status && refundStatus !== null;
    setAnnouncement(refundMoved ? REFUND_ANNOUNCEMENTS[refundStatus] : ANNOUNCEMENTS[order.status]);
  }, [order.status, refundStatus]);

  return (
    <div className="space-y-4" data-transport={transport}>
      <OrderStatusView order={order} />
      {order.status === "PENDING" && order.expiresAt ? <ExpiryCountdown expiresAt={order.expiresAt} /> : null}
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
