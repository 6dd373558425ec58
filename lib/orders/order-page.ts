// What the success, cancel and order pages share: find the order, make sure the link belongs to
// it, ask QBitFlow for the latest while it is open, and return what the customer may see.
import "server-only";
import { db } from "@/lib/db";
import type { ChangeSource } from "./order-events";
import { isFinal } from "./order-events";
import { isOrderId } from "@/lib/order-id";
import { getOrderView, type OrderView } from "./order-view";
import { syncOrderWithQBitFlow } from "./sync-with-qbitflow";

export type OrderPageState =
  | { kind: "not_found" }
  /** The session in the link is not this order's: nothing is read from QBitFlow or changed. */
  | { kind: "session_mismatch" }
  /** `stale`: QBitFlow could not be asked just now; the view shows what we last knew. */
  | { kind: "ok"; view: OrderView; stale: boolean; sessionId: string | null };

export async function loadOrderPage(input: {
  orderId: unknown;
  /** The session id from a redirect URL; `undefined` when the page has none to check. */
  sessionId?: unknown;
  source: ChangeSource;
}): Promise<OrderPageState> {
  if (!isOrderId(input.orderId)) return { kind: "not_found" };
  const order = await db.order.findUnique({
    where: { id: input.orderId },
    select: { id: true, status: true, qbitflowSessionId: true },
  });
  if (!order) return { kind: "not_found" };
  if (
    input.sessionId !== undefined &&
    (!order.qbitflowSessionId || input.sessionId !== order.qbitflowSessionId)
  ) {
    return { kind: "session_mismatch" };
  }

  let stale = false;
  if (!isFinal(order.status)) {
    try {
      await syncOrderWithQBitFlow(order, input.source, { minIntervalMs: 2_000 });
    } catch (error) {
      stale = true;
      console.error(
        `[orders] could not check ${order.id} with QBitFlow: ${error instanceof Error ? error.message : error}`,
      );
    }
  }
  const view = await getOrderView(order.id);
  return view ? { kind: "ok", view, stale, sessionId: order.qbitflowSessionId } : { kind: "not_found" };
}
