// What the admin's webhook pages read. Server-only data functions, never server actions.
import "server-only";
import { db } from "@/lib/db";
import { deliveryWhere, type DeliveryQuery } from "./delivery-filters";

export const DELIVERY_PAGE_SIZE = 25;

export async function listDeliveries(query: DeliveryQuery) {
  const where = deliveryWhere(query);
  // One batch transaction: a consistent count and page (see order-queries.ts).
  const [total, rows] = await db.$transaction([
    db.webhookDelivery.count({ where }),
    db.webhookDelivery.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * DELIVERY_PAGE_SIZE,
      take: DELIVERY_PAGE_SIZE,
      select: {
        id: true,
        receivedAt: true,
        outcome: true,
        signatureValid: true,
        httpStatus: true,
        errorCode: true,
        eventId: true,
        eventType: true,
        repeatCount: true,
        webhookEvent: {
          select: { eventId: true, orderId: true, unmatched: true, attempts: true, lastError: true },
        },
      },
    }),
  ]);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / DELIVERY_PAGE_SIZE)) };
}

export interface RejectionCount {
  errorCode: string;
  count: number;
  sources: number;
}

/**
 * Rejected deliveries in the last `hours`, by reason: repeats counted on a row are included, so the
 * admin sees a flood as one number even though it was not stored request by request. (Requests
 * refused with 429 past a source's limit are not written anywhere and are not in these counts.)
 */
export async function rejectionCounts(hours: number, now = new Date()): Promise<RejectionCount[]> {
  const since = new Date(now.getTime() - hours * 60 * 60_000);
  const rows = await db.$queryRaw<{ errorCode: string | null; count: bigint; sources: bigint }[]>`
    SELECT "errorCode", SUM("repeatCount") AS "count", COUNT(DISTINCT "sourceAddress") AS "sources"
      FROM "WebhookDelivery"
     WHERE "outcome" = 'REJECTED' AND COALESCE("lastReceivedAt", "receivedAt") >= ${since}
     GROUP BY "errorCode" ORDER BY "count" DESC`;
  return rows.map((row) => ({
    errorCode: row.errorCode ?? "unknown",
    count: Number(row.count),
    sources: Number(row.sources),
  }));
}

export type DeliveryListRow = Awaited<ReturnType<typeof listDeliveries>>["rows"][number];

/** A stored (verified) event with every delivery that carried it. */
export function getWebhookEvent(eventId: string) {
  return db.webhookEvent.findUnique({
    where: { eventId },
    include: {
      order: { select: { id: true, status: true } },
      deliveries: {
        orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          receivedAt: true,
          outcome: true,
          httpStatus: true,
          errorCode: true,
          reason: true,
        },
      },
    },
  });
}

export type AdminWebhookEvent = NonNullable<Awaited<ReturnType<typeof getWebhookEvent>>>;

export function getDelivery(id: string) {
  return db.webhookDelivery.findUnique({
    where: { id },
    include: { webhookEvent: { select: { eventId: true } } },
  });
}

export type AdminDelivery = NonNullable<Awaited<ReturnType<typeof getDelivery>>>;
