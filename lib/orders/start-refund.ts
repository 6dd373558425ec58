// A refund started by the merchant from the admin. QBitFlow refunds a payment once, in full or in
// part; its answer is a `pending` refund that moves no money until the merchant signs the
// transfer in QBitFlow's dashboard. The call is idempotent per order (`refund-<orderId>`), so a
// double submit or a retry after a crash starts one refund. Its answer goes through the same
// transition function as the webhooks that follow, so whichever arrives first, the order's
// refund moves once.
import "server-only";
import { db } from "@/lib/db";
import { getQBitFlowClient, type QBitFlowClient } from "@/lib/qbitflow";
import { applyOrderEvent } from "./apply-order-event";
import { refundEvent, refundEventFromSummary } from "./from-qbitflow";
import { describeRefundFailure, notRefundableInWords, type RefundFailure } from "./refund-failure";

export interface RefundRequest {
  orderId: string;
  /** 0 < p ≤ 100, at most two decimals (checked by the form). */
  percent: number;
  reason: string | null;
  merchantMessage: string | null;
  /** Put the order's units back in stock when the refund completes. */
  restock: boolean;
}

export type StartRefundResult =
  { ok: true; refundId: string } | ({ ok: false } & Pick<RefundFailure, "message" | "field">);

export function refundIdempotencyKey(orderId: string): string {
  return `refund-${orderId}`;
}

export async function startRefund(
  request: RefundRequest,
  client: QBitFlowClient = getQBitFlowClient(),
): Promise<StartRefundResult> {
  const order = await db.order.findUnique({
    where: { id: request.orderId },
    select: { id: true, status: true, qbitflowSessionId: true, refundStatus: true },
  });
  if (!order) return { ok: false, message: "Unknown order." };
  if (order.status !== "PAID" || !order.qbitflowSessionId) {
    return { ok: false, message: "Only a paid order can be refunded." };
  }
  if (order.refundStatus !== "NONE") {
    return { ok: false, message: "This order already has a refund; its state is shown on this page." };
  }
  const paymentId = order.qbitflowSessionId;
  try {
    // Asked first so the merchant reads QBitFlow's reason, not a bare 409.
    const payment = await client.getPayment(paymentId);
    if (payment.refundable === false) {
      if (payment.refund) await learnExisting(order.id, payment.refund);
      return { ok: false, message: notRefundableInWords(payment.notRefundableReason) };
    }
    const refund = await client.initiateRefund(
      {
        txUuid: paymentId,
        refundPercent: request.percent,
        reason: request.reason ?? undefined,
        merchantMessage: request.merchantMessage ?? undefined,
      },
      { idempotencyKey: refundIdempotencyKey(order.id) },
    );
    // Normally `pending`; an answer replayed after the merchant signed says more: apply that too.
    const opened = refundEvent(refund, "refund.requested");
    if (opened?.type === "refund_opened") {
      await applyOrderEvent(order.id, { ...opened, restock: request.restock }, { source: "admin" });
    }
    const answered = refund.status === "pending" ? null : refundEvent(refund);
    if (answered) await applyOrderEvent(order.id, answered, { source: "admin" });
    return { ok: true, refundId: refund.id };
  } catch (error) {
    const failure = describeRefundFailure(error);
    console.error(`[refund] order ${order.id}: ${failure.detail}`);
    if (isAlreadyRefunding(error)) {
      // Started elsewhere (QBitFlow's dashboard, a customer's request we have not heard of): show it.
      const payment = await client.getPayment(paymentId).catch(() => null);
      if (payment?.refund) await learnExisting(order.id, payment.refund);
    }
    return { ok: false, message: failure.message, ...(failure.field ? { field: failure.field } : {}) };
  }
}

async function learnExisting(orderId: string, summary: Parameters<typeof refundEventFromSummary>[0]) {
  const event = refundEventFromSummary(summary);
  if (event) await applyOrderEvent(orderId, event, { source: "admin" });
}

function isAlreadyRefunding(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "refund_already_exists";
}
