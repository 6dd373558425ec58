// The delivery log: one row per POST to the webhook route, so the admin can show what arrived
// and what we answered. A verified delivery's row is written by the inbox inside the transaction
// that processes its event (see inbox.ts). Rejections are anyone's to send, so what they may cost
// is bounded: a repeat from the same source for the same reason within an hour adds to the count
// of the row it repeats (one UPDATE, no new bytes) instead of a row of its own, the way Svix and
// Stripe show "N failed attempts" rather than N copies.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { bodyExcerpt, claimedEvent, type DeliveryHeaders, type DeliveryRejection } from "./delivery-record";

/** Repeats within this time of a rejection's first row are counted on it. */
export const REPEAT_WINDOW_MS = 60 * 60_000;

/** Never throws: a log that cannot be written must not change what QBitFlow is answered. */
export async function logRejectedDelivery(
  headers: DeliveryHeaders,
  body: Uint8Array | null,
  rejection: DeliveryRejection,
  source: string,
): Promise<void> {
  const now = new Date();
  const { eventId, eventType } = claimedEvent(body);
  try {
    // One statement: count the repeat on the latest matching row, or else write a new one.
    await db.$executeRaw`
      WITH "repeat" AS (
        UPDATE "WebhookDelivery" SET "repeatCount" = "repeatCount" + 1, "lastReceivedAt" = ${now}
         WHERE "id" = (
           SELECT "id" FROM "WebhookDelivery"
            WHERE "sourceAddress" = ${source} AND "errorCode" = ${rejection.errorCode}
              AND "outcome" = 'REJECTED' AND "receivedAt" > ${new Date(now.getTime() - REPEAT_WINDOW_MS)}
            ORDER BY "receivedAt" DESC LIMIT 1)
        RETURNING "id")
      INSERT INTO "WebhookDelivery" ("id", "receivedAt", "outcome", "signatureValid", "httpStatus",
        "errorCode", "reason", "headers", "bodyExcerpt", "eventId", "eventType", "sourceAddress")
      SELECT ${randomUUID()}, ${now}, 'REJECTED'::"DeliveryOutcome", ${rejection.signatureValid},
        ${rejection.httpStatus}, ${rejection.errorCode}, ${rejection.reason.slice(0, 500)},
        ${JSON.stringify(headers)}::jsonb, ${body ? bodyExcerpt(body) : null}, ${eventId}, ${eventType},
        ${source}
       WHERE NOT EXISTS (SELECT 1 FROM "repeat")`;
  } catch (error) {
    console.error("[webhook] could not log a rejected delivery:", error);
  }
}
