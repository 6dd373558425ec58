// What each QBitFlow event type means for our orders. Types we do not act on (webhook.test, and
// any type QBitFlow adds later) are stored and acknowledged, never refused.
import type { OrderNames } from "@/lib/orders/order-store";
import { paymentCompleted, refundEvent } from "@/lib/orders/from-qbitflow";
import type { OrderEvent } from "@/lib/orders/order-events";
import type { WebhookEvent } from "@/lib/qbitflow";

/** An event about an order: which order it names, and what it says happened. */
export interface OrderNews {
  names: OrderNames;
  event: OrderEvent;
}

/** The order news the webhook event carries, or null for types that concern no order. */
export function orderNewsIn(event: WebhookEvent): OrderNews | null {
  switch (event.type) {
    case "payment.completed":
      return {
        names: { reference: event.data.reference, sessionId: event.data.id },
        event: paymentCompleted(event.data),
      };
    case "checkout.expired":
      return {
        names: { reference: event.data.reference, sessionId: event.data.id },
        event: { type: "session_expired", message: "checkout expired unpaid" },
      };
    case "refund.requested":
    case "refund.completed":
    case "refund.denied": {
      // A Refund names the payment it refunds (txUuid = pay@…, our order's session id).
      const refund = refundEvent(event.data, event.type);
      return refund && { names: { reference: null, sessionId: event.data.txUuid }, event: refund };
    }
    case "webhook.test":
    case "unknown":
      return null;
  }
}
