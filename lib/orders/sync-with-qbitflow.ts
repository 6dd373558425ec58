// Asks QBitFlow where an order's payment stands and applies the answer through the transition
// function. Used by the success page, the order page, the status route and the sweep: the
// redirect that brings a customer back proves nothing, QBitFlow's answer does.
import "server-only";
import { getQBitFlowClient, isQBitFlowError, type QBitFlowClient, type SessionStatus } from "@/lib/qbitflow";
import { applyOrderEvent, type ApplyResult } from "./apply-order-event";
import { eventsFromStatus, paymentCompleted } from "./from-qbitflow";
import type { ChangeSource, OrderEvent } from "./order-events";

export interface SyncOptions {
  client?: QBitFlowClient;
  /** Skip the check when this order was checked less than this long ago (per process). */
  minIntervalMs?: number;
}

const lastChecked = new Map<string, number>();

export async function syncOrderWithQBitFlow(
  order: { id: string; qbitflowSessionId: string | null },
  source: ChangeSource,
  options: SyncOptions = {},
): Promise<ApplyResult[]> {
  const sessionId = order.qbitflowSessionId;
  if (!sessionId) return [];
  if (options.minIntervalMs && Date.now() - (lastChecked.get(order.id) ?? 0) < options.minIntervalMs)
    return [];
  lastChecked.set(order.id, Date.now());
  if (lastChecked.size > 10_000) lastChecked.clear(); // a bound, not a cache policy: checks are cheap

  const events = await readEvents(options.client ?? getQBitFlowClient(), order.id, sessionId);
  const results: ApplyResult[] = [];
  for (const event of events) results.push(await applyOrderEvent(order.id, event, { source }));
  return results;
}

async function readEvents(client: QBitFlowClient, orderId: string, sessionId: string): Promise<OrderEvent[]> {
  let status: SessionStatus;
  try {
    status = await client.getSessionStatus(sessionId);
  } catch (error) {
    if (!isQBitFlowError(error, "not_found")) throw error;
    // A session read days after it closed is gone; the payment, if any, is still there.
    const payment = await client.getPaymentByReference(orderId);
    return payment
      ? [paymentCompleted(payment)]
      : [{ type: "session_expired", message: "the checkout session closed" }];
  }
  const payment = status.status === "completed" ? await client.getPayment(sessionId) : null;
  return eventsFromStatus(status, payment);
}
