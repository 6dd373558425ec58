// What the admin's order pages read. Server-only data functions, never server actions.
import "server-only";
import { db } from "@/lib/db";
import type { OrderStatus, RefundStatus } from "@/lib/generated/prisma/enums";
import { orderWhere, PAGE_SIZE, type OrderQuery } from "./order-filters";

export interface OrderRow {
  id: string;
  status: OrderStatus;
  totalCents: number;
  email: string | null;
  txHash: string | null;
  needsReview: boolean;
  reviewedAt: Date | null;
  createdAt: Date;
  paidAt: Date | null;
  refundStatus: RefundStatus;
}

export async function listOrders(query: OrderQuery) {
  const where = orderWhere(query);
  // One batch transaction: a consistent count and page, on one connection (the embedded PGlite
  // serves one connection at a time, so parallel queries would gain nothing there).
  const [total, rows] = await db.$transaction([
    db.order.count({ where }),
    db.order.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        status: true,
        totalCents: true,
        email: true,
        txHash: true,
        needsReview: true,
        reviewedAt: true,
        createdAt: true,
        paidAt: true,
        refundStatus: true,
      },
    }),
  ]);
  return { rows: rows satisfies OrderRow[], total, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export interface OrderTotals {
  /** Net of refunds: `cents` is paid minus `refundedCents`. */
  today: { cents: number; count: number; refundedCents: number };
  week: { cents: number; count: number; refundedCents: number };
  open: number;
  needsReview: number;
  refundRequests: number;
}

/**
 * Revenue net of refunds, since midnight UTC and over the last 7 × 24 hours: order totals by
 * payment time, minus the refunded share (the refund's percent of the order total) of refunds
 * sent in the same window. The percent, not QBitFlow's refund amount, because that amount is a
 * share of what the wallet sent, network fee included, while revenue counts order totals.
 */
export async function orderTotals(now = new Date()): Promise<OrderTotals> {
  const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const weekAgo = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000);
  const paidSince = (since: Date) =>
    db.order.aggregate({
      where: { status: "PAID", paidAt: { gte: since } },
      _sum: { totalCents: true },
      _count: true,
    });
  const refundedSince = (since: Date) => db.$queryRaw<{ cents: number }[]>`
    SELECT COALESCE(SUM(ROUND("totalCents" * "refundPercent" / 100)), 0)::int AS "cents" FROM "Order"
     WHERE "refundStatus" = 'REFUNDED' AND "refundEndedAt" >= ${since}`;
  const [today, week, open, needsReview, refundRequests, refundedToday, refundedWeek] = await db.$transaction(
    [
      paidSince(midnight),
      paidSince(weekAgo),
      db.order.count({ where: { status: { in: ["PENDING", "CONFIRMING"] } } }),
      db.order.count({ where: { needsReview: true, reviewedAt: null } }),
      db.order.count({ where: { refundStatus: "REQUESTED" } }),
      refundedSince(midnight),
      refundedSince(weekAgo),
    ],
  );
  const net = (paid: typeof today, refunded: { cents: number }[]) => {
    const refundedCents = refunded[0]?.cents ?? 0;
    return { cents: (paid._sum.totalCents ?? 0) - refundedCents, count: paid._count, refundedCents };
  };
  return {
    today: net(today, refundedToday),
    week: net(week, refundedWeek),
    open,
    needsReview,
    refundRequests,
  };
}

/** Customers' refund requests waiting for the merchant: the count in the admin's header. */
export function countRefundRequests(): Promise<number> {
  return db.order.count({ where: { refundStatus: "REQUESTED" } });
}

/** Everything the order page shows, or null. */
export function getAdminOrder(id: string) {
  return db.order.findUnique({
    where: { id },
    include: {
      items: { orderBy: { id: "asc" } },
      statusChanges: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      webhookEvents: {
        orderBy: { receivedAt: "asc" },
        select: {
          eventId: true,
          type: true,
          receivedAt: true,
          processedAt: true,
          attempts: true,
          replays: true,
          lastError: true,
        },
      },
    },
  });
}

export type AdminOrder = NonNullable<Awaited<ReturnType<typeof getAdminOrder>>>;
