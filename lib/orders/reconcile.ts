// The safety net under the webhooks: re-asks QBitFlow about open orders that have not moved for
// a while, so an order whose webhooks never arrived (endpoint down, misconfigured secret, a
// laptop behind NAT) still ends PAID or EXPIRED. Run by the cron route and, in between, by requests
// (lib/sweep/opportunistic-sweep.ts).
import "server-only";
import { db } from "@/lib/db";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import type { QBitFlowClient } from "@/lib/qbitflow";
import { syncOrderWithQBitFlow } from "./sync-with-qbitflow";

export interface ReconcileReport {
  checked: number;
  changed: { orderId: string; from: OrderStatus; to: OrderStatus }[];
  failed: { orderId: string; error: string }[];
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

  const report: ReconcileReport = { checked: orders.length, changed: [], failed: [] };
  for (const order of orders) {
    try {
      for (const result of await syncOrderWithQBitFlow(order, "reconcile", { client })) {
        if (result.outcome === "changed" && result.from !== result.to) {
          report.changed.push({ orderId: order.id, from: result.from, to: result.to });
        }
      }
    } catch (error) {
      report.failed.push({
        orderId: order.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return report;
}
