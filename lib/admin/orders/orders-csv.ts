// The orders CSV: every order created in the range, oldest first, one row per line item (the
// order's columns repeated, as spreadsheet pivots and most shop exports expect), streamed in
// batches so a large export never sits in memory whole. Items are the order's snapshot: what was
// bought, at what price, whatever the product is called now.
import "server-only";
import { db } from "@/lib/db";
import { orderCode } from "@/lib/order-id";
import { centsToUsd, csvRow } from "./csv";
import type { ExportRange } from "./export-range";

export const CSV_HEADER = [
  "order id",
  "code",
  "created",
  "status",
  "total USD",
  "email",
  "session id",
  "tx hash",
  "paid at",
  "amount paid USD",
  "needs review",
  "refund status",
  "refund percent",
  "refund amount USD",
  "refunded at",
  "item",
  "variant",
  "SKU",
  "quantity",
  "unit price USD",
];

const BATCH = 500;

async function* orderRows(range: ExportRange): AsyncGenerator<string> {
  yield csvRow(CSV_HEADER);
  let after: { createdAt: Date; id: string } | undefined;
  for (;;) {
    const batch = await db.order.findMany({
      where: {
        createdAt: { gte: range.start, lt: range.end },
        ...(after
          ? {
              OR: [
                { createdAt: { gt: after.createdAt } },
                { createdAt: after.createdAt, id: { gt: after.id } },
              ],
            }
          : {}),
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: BATCH,
      include: {
        items: {
          orderBy: [{ name: "asc" }, { variantTitle: "asc" }, { id: "asc" }],
          select: { name: true, variantTitle: true, sku: true, quantity: true, unitPriceCents: true },
        },
      },
    });
    for (const order of batch) {
      const orderColumns = [
        order.id,
        orderCode(order.id),
        order.createdAt.toISOString(),
        order.status,
        centsToUsd(order.totalCents),
        order.email,
        order.qbitflowSessionId,
        order.txHash,
        order.paidAt?.toISOString(),
        order.amountPaidUsd?.toFixed(),
        order.needsReview ? (order.reviewedAt ? "reviewed" : "yes") : "no",
        order.refundStatus === "NONE" ? "" : order.refundStatus,
        order.refundPercent?.toFixed(),
        order.refundAmountUsd?.toFixed(),
        order.refundStatus === "REFUNDED" ? order.refundEndedAt?.toISOString() : undefined,
      ];
      if (order.items.length === 0) yield csvRow(orderColumns);
      for (const item of order.items) {
        yield csvRow([
          ...orderColumns,
          item.name,
          item.variantTitle,
          item.sku,
          String(item.quantity),
          centsToUsd(item.unitPriceCents),
        ]);
      }
    }
    const last = batch.at(-1);
    if (!last || batch.length < BATCH) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

export function ordersCsvStream(range: ExportRange): ReadableStream<Uint8Array> {
  const rows = orderRows(range);
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}
