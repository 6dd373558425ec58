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
import { Prisma } from "@/lib/generated/prisma/client";
import type { DeliveryOutcome } from "@/lib/generated/prisma/enums";
import { applyToLockedOrder } from "@/lib/orders/apply-order-event";
import {
  changeOrders,
  lockOrderWhen,
  orderIdNamedBy,
  type LockedOrder,
  type OrderNames,
} from "@/lib/orders/order-store";
import type { WebhookEvent } from "@/lib/qbitflow";
import { isDatabaseTimeout, together, type Statement } from "@/lib/sql";
import type { DeliveryHeaders } from "./delivery-record";
import { orderNewsIn } from "./event-handlers";

export type InboxOutcome = "processed" | "duplicate";

/** What the delivery log keeps of the request that carried the event. */
export interface DeliveryContext {
  headers: DeliveryHeaders;
}

export function typeName(event: WebhookEvent): string {
  return event.type === "unknown" ? event.rawType : event.type;
}

/** The claim's answer: the inbox row, and the order it names when this delivery must process it. */
type Claim = { inboxId: string; duplicate: boolean } & (LockedOrder | { [K in keyof LockedOrder]: null });

// A new event costs four round trips (BEGIN, claim, change, COMMIT), a duplicate three: this is
// the path QBitFlow's bursts hit, so each statement does as much as it safely can.
export async function receiveWebhookEvent(
  event: WebhookEvent,
  rawBody: string,
  delivery: DeliveryContext = { headers: {} },
): Promise<InboxOutcome> {
  try {
    const news = orderNewsIn(event);
    return await changeOrders(async (tx) => {
      const [claimed] = await tx.query<Claim>(claim(event, rawBody, delivery, news?.names ?? null));
      if (!claimed) throw new Error(`the inbox returned no row for ${event.id}`);
      if (claimed.duplicate) return "duplicate";

      const bookkeeping = (orderId: string | null) => [
        Prisma.sql`"inbox_done" AS (
          UPDATE "WebhookEvent" SET "processedAt" = ${new Date()}, "orderId" = ${orderId}::text,
                 "unmatched" = ${news !== null && orderId === null}, "lastError" = NULL
           WHERE "id" = ${claimed.inboxId})`,
        deliveryLogged(claimed.inboxId, event, delivery, "PROCESSED"),
      ];
      if (!news || claimed.id === null) {
        // Nothing to apply: a type we do not act on, or an order we do not have (kept, flagged).
        await tx.query(together(bookkeeping(null)));
        return "processed";
      }
      await applyToLockedOrder(
        tx,
        claimed,
        news.event,
        { source: "webhook", eventId: event.id },
        bookkeeping(claimed.id),
      );
      return "processed";
    });
  } catch (error) {
    // A database that stopped answering would make the record wait as long again, past
    // QBitFlow's 30 s: answer now; its retry is the record.
    if (!isDatabaseTimeout(error)) await recordFailure(event, rawBody, delivery, error);
    throw error;
  }
}

/**
 * Records the delivery and decides who processes the event, in one statement. The upsert locks
 * the event's row until this transaction ends, so concurrent deliveries of one event queue up
 * behind it; the one that finds the event processed logs itself as a duplicate, and only the
 * first locks the order the event names (the lock is taken after the upsert, never before).
 */
function claim(
  event: WebhookEvent,
  rawBody: string,
  delivery: DeliveryContext,
  names: OrderNames | null,
): Statement {
  const type = typeName(event);
  return Prisma.sql`
    WITH "inbox" AS (
      INSERT INTO "WebhookEvent" ("id", "eventId", "type", "rawBody")
      VALUES (${randomUUID()}, ${event.id}, ${type}, ${rawBody})
      ON CONFLICT ("eventId") DO UPDATE SET "attempts" = "WebhookEvent"."attempts" + 1
      RETURNING "id", "processedAt"
    ), ${deliveryLogged(Prisma.sql`"inbox"."id"`, event, delivery, "DUPLICATE", Prisma.sql`FROM "inbox" WHERE "processedAt" IS NOT NULL`)},
    "locked" AS (${lockOrderWhen(
      names ? orderIdNamedBy(names) : Prisma.sql`NULL::text`,
      Prisma.sql`"inbox"`,
      Prisma.sql`"inbox"."processedAt" IS NULL`,
    )})
    SELECT "inbox"."id" AS "inboxId", "inbox"."processedAt" IS NOT NULL AS "duplicate", "locked".*
      FROM "inbox" LEFT JOIN "locked" ON true`;
}

/** The delivery log row of a verified delivery, as a named part of a statement. */
function deliveryLogged(
  webhookEventId: string | Statement,
  event: WebhookEvent,
  delivery: DeliveryContext,
  outcome: DeliveryOutcome,
  from: Statement = Prisma.empty,
): Statement {
  const name = Prisma.raw(`"delivery_${outcome.toLowerCase()}"`);
  return Prisma.sql`${name} AS (
    INSERT INTO "WebhookDelivery" ("id", "outcome", "signatureValid", "httpStatus", "headers", "eventId",
                                   "eventType", "webhookEventId")
    SELECT ${randomUUID()}, ${outcome}::"DeliveryOutcome", true, 200, ${JSON.stringify(delivery.headers)}::jsonb,
           ${event.id}, ${typeName(event)}, ${webhookEventId} ${from})`;
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
