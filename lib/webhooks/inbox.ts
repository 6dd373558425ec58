// The webhook inbox: every verified event stored once by its QBitFlow event id, and processed
// once. The upsert that records a delivery also locks the event's row until the processing
// commits, so concurrent deliveries of one event queue up and the later ones find it done.
// Processing commits together with `processedAt`; if it fails, nothing of it remains and the
// failure is recorded on the row for the next delivery (QBitFlow retries on our 5xx).
// Each delivery also leaves one row in the delivery log (WebhookDelivery), written in the same
// transaction, so the log never says "processed" about work that was rolled back.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { announceAfterCommit } from "@/lib/live/change-bus";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DeliveryOutcome } from "@/lib/generated/prisma/enums";
import type { WebhookEvent } from "@/lib/qbitflow";
import type { DeliveryHeaders } from "./delivery-record";
import { handleWebhookEvent } from "./event-handlers";

export type InboxOutcome = "processed" | "duplicate";

/** What the delivery log keeps of the request that carried the event. */
export interface DeliveryContext {
  headers: DeliveryHeaders;
}

export function typeName(event: WebhookEvent): string {
  return event.type === "unknown" ? event.rawType : event.type;
}

export async function receiveWebhookEvent(
  event: WebhookEvent,
  rawBody: string,
  delivery: DeliveryContext = { headers: {} },
): Promise<InboxOutcome> {
  try {
    const result = await db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ id: string; processedAt: Date | null }[]>`
        INSERT INTO "WebhookEvent" ("id", "eventId", "type", "rawBody")
        VALUES (${randomUUID()}, ${event.id}, ${typeName(event)}, ${rawBody})
        ON CONFLICT ("eventId") DO UPDATE SET "attempts" = "WebhookEvent"."attempts" + 1
        RETURNING "id", "processedAt"`;
      if (!row) throw new Error(`the inbox returned no row for ${event.id}`);
      if (row.processedAt) {
        await logDelivery(tx, row.id, event, delivery, "DUPLICATE");
        return { outcome: "duplicate" as const, changedOrderId: null };
      }

      const outcome = await handleWebhookEvent(tx, event);
      await tx.webhookEvent.update({
        where: { eventId: event.id },
        data: {
          processedAt: new Date(),
          orderId: outcome.orderId,
          unmatched: outcome.unmatched,
          lastError: null,
        },
      });
      await logDelivery(tx, row.id, event, delivery, "PROCESSED");
      return { outcome: "processed" as const, changedOrderId: outcome.changed ? outcome.orderId : null };
    });
    // Live pages hear of the change only once it is committed.
    if (result.changedOrderId) announceAfterCommit(result.changedOrderId);
    return result.outcome;
  } catch (error) {
    await recordFailure(event, rawBody, delivery, error);
    throw error;
  }
}

function logDelivery(
  tx: Prisma.TransactionClient,
  webhookEventId: string,
  event: WebhookEvent,
  delivery: DeliveryContext,
  outcome: DeliveryOutcome,
) {
  return tx.webhookDelivery.create({
    data: {
      outcome,
      signatureValid: true,
      httpStatus: 200,
      headers: delivery.headers,
      eventId: event.id,
      eventType: typeName(event),
      webhookEventId,
    },
  });
}

async function recordFailure(
  event: WebhookEvent,
  rawBody: string,
  delivery: DeliveryContext,
  error: unknown,
): Promise<void> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  // The failed transaction took its attempt count and its log row with it: record this delivery
  // again here, the event and its log row (the route answers 500 processing_failed) in one
  // statement.
  await db.$executeRaw`
    WITH "event" AS (
      INSERT INTO "WebhookEvent" ("id", "eventId", "type", "rawBody", "lastError")
      VALUES (${randomUUID()}, ${event.id}, ${typeName(event)}, ${rawBody}, ${message})
      ON CONFLICT ("eventId") DO UPDATE SET "attempts" = "WebhookEvent"."attempts" + 1, "lastError" = ${message}
      RETURNING "id"
    )
    INSERT INTO "WebhookDelivery" ("id", "outcome", "signatureValid", "httpStatus", "errorCode",
      "reason", "headers", "eventId", "eventType", "webhookEventId")
    SELECT ${randomUUID()}, 'FAILED'::"DeliveryOutcome", true, 500, 'processing_failed', ${message},
      ${JSON.stringify(delivery.headers)}::jsonb, ${event.id}, ${typeName(event)}, "id"
    FROM "event"`.catch(() => {
    // The database itself is down: the 5xx we answer makes QBitFlow deliver again later.
  });
}
