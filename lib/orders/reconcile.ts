// The safety net under the webhooks: re-asks QBitFlow about open orders that have not moved for
// a while, so an order whose webhooks never arrived (endpoint down, misconfigured secret, a
// laptop behind NAT) still ends PAID or EXPIRED, and settles checkouts that were interrupted
// before their session was saved (interrupted-checkouts.ts), and ends refunds whose webhooks were
// lost (reconcile-refunds.ts). Run by the cron route and, in between, by requests
// (lib/background/opportunistic-sweep.ts).
import "server-only";
import { db } from "@/lib/db";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { getQBitFlowClient, type QBitFlowClient } from "@/lib/qbitflow";
import type { ApplyResult } from "./apply-order-event";
import { findInterruptedCheckouts, settleInterruptedCheckout } from "./interrupted-checkouts";
import { reconcileRefunds, type RefundSweepReport } from "./reconcile-refunds";
import { syncOrderWithQBitFlow } from "./sync-with-qbitflow";

export interface ReconcileReport {
  checked: number;
  changed: { orderId: string; from: OrderStatus; to: OrderStatus }[];
  failed: { orderId: string; error: string }[];
  /** Refunds the sweep moved (their order stays PAID). */
  refunds: RefundSweepReport["changed"];
}

export interface ReconcileOptions {
  /** Orders that changed more recently than this are left to the webhooks. Default 3 minutes. */
  quietForMs?: number;
  /** At most this many orders per run, the stalest first. Default 100. */
  limit?: number;
  client?: QBitFlowClient;
}

export async function reconcileOpenOrders(options: ReconcileOptions = {}): Promise<ReconcileReport> {
  const { quietForMs = 3 * 60_000, limit = 100, client } = options;
  const orders = await db.order.findMany({
    where: {
      status: { in: ["PENDING", "CONFIRMING"] },
      qbitflowSessionId: { not: null },
      updatedAt: { lt: new Date(Date.now() - quietForMs) },
    },
    orderBy: { updatedAt: "asc" },
    take: limit,
    select: { id: true, qbitflowSessionId: true },
  });

  const interrupted = await findInterruptedCheckouts(Math.max(0, limit - orders.length));

  const report: ReconcileReport = {
    checked: orders.length + interrupted.length,
    changed: [],
    failed: [],
    refunds: [],
  };
  const settle = async (orderId: string, work: () => Promise<ApplyResult[]>) => {
    try {
      for (const result of await work()) {
        if (result.outcome === "changed" && result.from !== result.to) {
          report.changed.push({ orderId, from: result.from, to: result.to });
        }
      }
    } catch (error) {
      report.failed.push({ orderId, error: error instanceof Error ? error.message : String(error) });
    }
  };
  for (const order of orders)
    await settle(order.id, () => syncOrderWithQBitFlow(order, "reconcile", { client }));
  for (const { id } of interrupted) {
    await settle(id, () => settleInterruptedCheckout(id, client ?? getQBitFlowClient()));
  }
  try {
    const refunds = await reconcileRefunds(client ?? getQBitFlowClient(), { quietForMs, limit });
    report.checked += refunds.checked;
    report.refunds.push(...refunds.changed);
    report.failed.push(...refunds.failed);
  } catch (error) {
    // The refund list could not be read: the payment half above is done all the same.
    report.failed.push({
      orderId: "(refund list)",
      error: error instanceof Error ? error.message : String(error),
    });
  }
  return report;
}
