// What each QBitFlow event type does to our orders. Types we do not act on (webhook.test, and
// any type QBitFlow adds later) are stored and acknowledged, never refused.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { applyOrderEventIn } from "@/lib/orders/apply-order-event";
import { findOrderId } from "@/lib/orders/find-order";
import { paymentCompleted } from "@/lib/orders/from-qbitflow";
import type { WebhookEvent } from "@/lib/qbitflow";

export interface HandlerOutcome {
  /** The order the event concerns, when it names one we have. */
  orderId: string | null;
  /** The event is about an order we cannot find: kept and flagged for a human, never dropped. */
  unmatched: boolean;
  /** The order changed: announce it once the transaction commits. */
  changed: boolean;
}

const ignored: HandlerOutcome = { orderId: null, unmatched: false, changed: false };

export async function handleWebhookEvent(
  tx: Prisma.TransactionClient,
  event: WebhookEvent,
): Promise<HandlerOutcome> {
  switch (event.type) {
    case "payment.completed": {
      const orderId = await findOrderId(tx, { reference: event.data.reference, sessionId: event.data.id });
      if (!orderId) return { orderId: null, unmatched: true, changed: false };
      const result = await applyOrderEventIn(tx, orderId, paymentCompleted(event.data), {
        source: "webhook",
        eventId: event.id,
      });
      return { orderId, unmatched: false, changed: result.outcome === "changed" };
    }
    case "checkout.expired": {
      const orderId = await findOrderId(tx, { reference: event.data.reference, sessionId: event.data.id });
      if (!orderId) return { orderId: null, unmatched: true, changed: false };
      const expired = { type: "session_expired", message: "checkout expired unpaid" } as const;
      const result = await applyOrderEventIn(tx, orderId, expired, { source: "webhook", eventId: event.id });
      return { orderId, unmatched: false, changed: result.outcome === "changed" };
    }
    case "webhook.test":
    case "unknown":
      return ignored;
  }
}
