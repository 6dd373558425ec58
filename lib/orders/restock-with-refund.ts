// "Put the units back in stock when the refund completes", for a refund that is already open: a
// customer's request the merchant is reviewing, or a refund started without the box ticked. It is
// the same fact the Refund form records when it starts one (a refund_opened event with restock),
// so it goes through the one transition function: recorded in the history, and the units go back
// once, when the refund completes, only if the sale had taken them out.
import "server-only";
import { db } from "@/lib/db";
import { applyOrderEvent } from "./apply-order-event";

export type RestockResult = { ok: true } | { ok: false; message: string };

export async function restockWhenRefunded(orderId: string): Promise<RestockResult> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { status: true, refundUuid: true, refundStatus: true, refundRestock: true },
  });
  if (!order) return { ok: false, message: "Unknown order." };
  if (order.status !== "PAID" || !order.refundUuid) {
    return { ok: false, message: "This order has no refund to put units back with." };
  }
  if (order.refundStatus !== "REQUESTED" && order.refundStatus !== "PENDING") {
    return {
      ok: false,
      message:
        "This refund has been answered already. To put units back now, adjust the variant's stock on its product page (the change is recorded with your reason).",
    };
  }
  if (order.refundRestock) return { ok: true }; // asked already: nothing more to record
  await applyOrderEvent(
    orderId,
    {
      type: "refund_opened",
      refundId: order.refundUuid,
      initiatedBy: null,
      percent: null,
      amountUsd: null,
      reason: null,
      merchantMessage: null,
      at: null,
      restock: true,
    },
    { source: "admin" },
  );
  return { ok: true };
}
