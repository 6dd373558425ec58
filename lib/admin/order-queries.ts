// What the admin's order pages read. Server-only data functions, never server actions.
import "server-only";
import { db } from "@/lib/db";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
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
      },
    }),
  ]);
  return { rows: rows satisfies OrderRow[], total, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export interface OrderTotals {
  today: { cents: number; count: number };
  week: { cents: number; count: number };
  open: number;
  needsReview: number;
}

/** Paid revenue by payment time: since midnight UTC, and over the last 7 × 24 hours. */
export async function orderTotals(now = new Date()): Promise<OrderTotals> {
  const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const weekAgo = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000);
  const paidSince = (since: Date) =>
    db.order.aggregate({
      where: { status: "PAID", paidAt: { gte: since } },
      _sum: { totalCents: true },
      _count: true,
    });
  const [today, week, open, needsReview] = await db.$transaction([
    paidSince(midnight),
    paidSince(weekAgo),
    db.order.count({ where: { status: { in: ["PENDING", "CONFIRMING"] } } }),
    db.order.count({ where: { needsReview: true, reviewedAt: null } }),
  ]);
  return {
    today: { cents: today._sum.totalCents ?? 0, count: today._count },
    week: { cents: week._sum.totalCents ?? 0, count: week._count },
    open,
    needsReview,
  };
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
