"use client";
// Re-renders the admin's order page when the order's refund moves (a webhook, the sweep): the
// same live socket the customer's page uses, subscribed to this order. Renders nothing.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useLiveOrder } from "@/components/checkout/use-live-order";

export function RefundLiveRefresh({ orderId, refundStatus }: { orderId: string; refundStatus: string }) {
  const router = useRouter();
  const shown = useRef(refundStatus);
  useEffect(() => {
    shown.current = refundStatus;
  }, [refundStatus]);
  useLiveOrder(orderId, {
    enabled: true,
    onSnapshot: (order) => {
      if ((order.refund?.status ?? "NONE") !== shown.current) router.refresh();
    },
    onTransport: () => {},
  });
  return null;
}
