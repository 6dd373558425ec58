// The sweep's refund half: a refund is a transaction of its own, monitored like a payment, so a
// refund whose webhooks never arrived still ends. Two questions per run:
// - orders whose refund is open (REQUESTED, PENDING) and quiet: the Payment read's `refund`
//   summary says whether it was sent or denied since;
// - QBitFlow's list of open refunds (every page, up to MAX_REFUND_PAGES): a customer's request
//   whose webhook was lost appears in the admin all the same.
import "server-only";
import { db } from "@/lib/db";
import type { RefundStatus } from "@/lib/generated/prisma/enums";
import { isQBitFlowError, type QBitFlowClient, type Refund } from "@/lib/qbitflow";
import { applyOrderEvent } from "./apply-order-event";
import { refundEvent, refundEventFromSummary } from "./from-qbitflow";

export interface RefundSweepReport {
  checked: number;
  changed: { orderId: string; from: RefundStatus; to: RefundStatus }[];
  failed: { orderId: string; error: string }[];
}

export async function reconcileRefunds(
  client: QBitFlowClient,
  { quietForMs, limit }: { quietForMs: number; limit: number },
): Promise<RefundSweepReport> {
  const report: RefundSweepReport = { checked: 0, changed: [], failed: [] };
  const record = async (orderId: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      report.failed.push({ orderId, error: error instanceof Error ? error.message : String(error) });
    }
  };
  const apply = async (orderId: string, event: Parameters<typeof applyOrderEvent>[1] | null) => {
    if (!event) return;
    const result = await applyOrderEvent(orderId, event, { source: "reconcile" });
    if (result.outcome === "changed" && result.refund && result.refund.from !== result.refund.to) {
      report.changed.push({ orderId, ...result.refund });
    }
  };

  const open = await db.order.findMany({
    where: {
      status: "PAID",
      refundStatus: { in: ["REQUESTED", "PENDING"] },
      qbitflowSessionId: { not: null },
      updatedAt: { lt: new Date(Date.now() - quietForMs) },
    },
    orderBy: { updatedAt: "asc" },
    take: limit,
    select: { id: true, qbitflowSessionId: true },
  });
  for (const order of open) {
    report.checked += 1;
    await record(order.id, async () => {
      const payment = await client.getPayment(order.qbitflowSessionId!);
      if (payment.refund) await apply(order.id, refundEventFromSummary(payment.refund));
    });
  }

  const requests = await openRefundsAtQBitFlow(client);
  const paymentIds = requests.map((refund) => refund.txUuid);
  const unknown = await db.order.findMany({
    where: { qbitflowSessionId: { in: paymentIds }, status: "PAID", refundStatus: "NONE" },
    select: { id: true, qbitflowSessionId: true },
  });
  for (const order of unknown) {
    const refund = requests.find((item) => item.txUuid === order.qbitflowSessionId)!;
    report.checked += 1;
    await record(order.id, () => apply(order.id, refundEvent(refund)));
  }
  return report;
}

/** 100 refunds a page (the most a list page holds): a thousand open refunds per sweep. */
export const MAX_REFUND_PAGES = 10;

/** QBitFlow's open refunds, page after page; none from a QBitFlow without refund lists. */
async function openRefundsAtQBitFlow(client: QBitFlowClient): Promise<Refund[]> {
  const refunds: Refund[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < MAX_REFUND_PAGES; pages += 1) {
    const page = await client.listRefunds("active", { limit: 100, cursor }).catch((error) => {
      // A QBitFlow (or sandbox) without refund lists: the open orders were still checked.
      if (isQBitFlowError(error, "not_found")) return { items: [], nextCursor: null };
      throw error;
    });
    refunds.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return refunds;
}
