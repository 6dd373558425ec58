// The baseline: a bare node:http server doing what POST /api/webhooks/qbitflow does, without
// Next.js and without the app's helpers: 1 MiB body cap, the same signature check, JSON parse,
// and the same SQL statements in the same order in one transaction (pg, a pool of 10 like the
// app's). Run as its own process (like `next start`):
//   DATABASE_URL=… QBITFLOW_WEBHOOK_SECRET=… PORT=0 tsx scripts/bench/baseline-server.ts
// It prints `listening <port>` once it accepts requests.
import { randomUUID } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { verifyWebhookSignature } from "../../lib/qbitflow/webhook-signature";
import { decide, type OrderState } from "../../lib/orders/transition-rules";
import type { OrderEvent } from "../../lib/orders/order-events";

const MAX_BYTES = 1024 * 1024;
const secrets = (process.env.QBITFLOW_WEBHOOK_SECRET ?? "").split(",").filter(Boolean);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
// The app announces each change on the live bus with a NOTIFY in the same statement.
const notify = process.env.LIVE_BUS !== "memory";

interface Envelope {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

function answer(response: http.ServerResponse, status: number, body: Record<string, unknown>) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  response.end(text);
}

function readBody(request: http.IncomingMessage): Promise<Buffer | "too_large"> {
  if (Number(request.headers["content-length"]) > MAX_BYTES) return Promise.resolve("too_large");
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BYTES) {
        request.destroy();
        resolve("too_large");
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks, size)));
    request.on("error", reject);
  });
}

function parseEnvelope(text: string): Envelope | null {
  try {
    const json = JSON.parse(text) as Partial<Envelope> & { version?: unknown };
    if (json.version !== "v2" || typeof json.id !== "string" || typeof json.type !== "string") return null;
    if (typeof json.data !== "object" || json.data === null) return null;
    return json as Envelope;
  } catch {
    return null;
  }
}

const text = (value: unknown) => (typeof value === "string" ? value : null);

function paymentCompleted(data: Record<string, unknown>): OrderEvent {
  const currency = data.currency as { symbol?: unknown } | null | undefined;
  const confirmedAt = text(data.confirmedAt);
  return {
    type: "payment_completed",
    sessionId: text(data.uuid),
    amountCents: typeof data.amount === "number" ? Math.round(data.amount * 100) : null,
    paidUsd: typeof data.paidUsd === "number" ? String(data.paidUsd) : null,
    txHash: text(data.txHash),
    explorerUrl: text(data.explorerUrl),
    chain: text(data.chain),
    currencySymbol: text(currency?.symbol),
    confirmedAt: confirmedAt ? new Date(confirmedAt) : null,
  };
}

const LOCKED = `o."id", o."status", o."stockState", o."totalCents", o."txHash", o."lastAttemptCode",
  o."lastAttemptAt", o."qbitflowSessionId"`;

const DELIVERY = `INSERT INTO "WebhookDelivery" ("id", "outcome", "signatureValid", "httpStatus", "headers",
  "eventId", "eventType", "webhookEventId")`;

/** lib/webhooks/inbox.ts and lib/orders/apply-order-event.ts, statement for statement. */
async function receive(
  event: Envelope,
  rawBody: string,
  headers: string,
): Promise<"processed" | "duplicate"> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const paid = event.type === "payment.completed";
    const reference = paid ? text(event.data.reference) : null;
    const sessionId = paid ? text(event.data.id) : null;
    // The claim: inbox upsert, a duplicate's log row, the order's lock.
    const { rows } = await client.query<
      OrderState & { inboxId: string; duplicate: boolean; id: string | null }
    >(
      `WITH "inbox" AS (
         INSERT INTO "WebhookEvent" ("id", "eventId", "type", "rawBody") VALUES ($1, $2, $3, $4)
         ON CONFLICT ("eventId") DO UPDATE SET "attempts" = "WebhookEvent"."attempts" + 1
         RETURNING "id", "processedAt"
       ), "delivery_duplicate" AS (
         ${DELIVERY} SELECT $5, 'DUPLICATE'::"DeliveryOutcome", true, 200, $6::jsonb, $2, $3, "inbox"."id"
           FROM "inbox" WHERE "processedAt" IS NOT NULL
       ), "locked" AS (
         SELECT ${LOCKED} FROM "Order" AS o, "inbox" WHERE "inbox"."processedAt" IS NULL AND o."id" = COALESCE(
           (SELECT "id" FROM "Order" WHERE "id" = $7::text),
           (SELECT "id" FROM "Order" WHERE "qbitflowSessionId" = $8::text)) FOR UPDATE OF o
       )
       SELECT "inbox"."id" AS "inboxId", "inbox"."processedAt" IS NOT NULL AS "duplicate", "locked".*
         FROM "inbox" LEFT JOIN "locked" ON true`,
      [randomUUID(), event.id, event.type, rawBody, randomUUID(), headers, reference, sessionId],
    );
    const claimed = rows[0]!;
    if (claimed.duplicate) {
      await client.query("COMMIT");
      return "duplicate";
    }
    const decision = claimed.id && paid ? decide(claimed, paymentCompleted(event.data)) : null;
    const c = decision?.changes ?? {};
    const now = new Date().toISOString();
    // The change: the order (a sale leaves Product alone), its history, the inbox, the log.
    await client.query(
      `WITH "order_changed" AS (
         UPDATE "Order" SET "status" = $3::"OrderStatus", "updatedAt" = $4, "txHash" = $5, "explorerUrl" = $6,
                "chain" = $7, "currencySymbol" = $8, "amountPaidUsd" = $9, "paidAt" = $10,
                "stockState" = CASE WHEN $11::boolean THEN 'COMMITTED'::"StockState" ELSE "stockState" END
          WHERE "id" = $2 AND $3::"OrderStatus" IS NOT NULL
       ), "history_added" AS (
         INSERT INTO "OrderStatusChange" ("id", "orderId", "fromStatus", "toStatus", "source", "reason", "eventId", "createdAt")
         SELECT $12, $2, $13::"OrderStatus", $3::"OrderStatus", 'webhook', $14, $1, $4 WHERE $3::"OrderStatus" IS NOT NULL
       ), "inbox_done" AS (
         UPDATE "WebhookEvent" SET "processedAt" = $4, "orderId" = $2, "unmatched" = $15, "lastError" = NULL
          WHERE "id" = $16
       ), "delivery_processed" AS (
         ${DELIVERY} VALUES ($17, 'PROCESSED'::"DeliveryOutcome", true, 200, $18::jsonb, $1, $19, $16)
       )
       SELECT ${notify ? `pg_notify('order_changed', $2) WHERE $3::"OrderStatus" IS NOT NULL` : "1"}`,
      [
        event.id,
        claimed.id,
        decision?.status ?? null,
        now,
        c.txHash,
        c.explorerUrl,
        c.chain,
        c.currencySymbol,
        c.amountPaidUsd,
        c.paidAt?.toISOString(),
        decision?.stock === "commit" && claimed.stockState === "RESERVED",
        randomUUID(),
        claimed.status,
        decision?.reason ?? null,
        paid && !claimed.id,
        claimed.inboxId,
        randomUUID(),
        headers,
        event.type,
      ],
    );
    await client.query("COMMIT");
    return "processed";
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    // Like the app's recordFailure: the failed delivery still counts as an attempt.
    await pool
      .query(
        `INSERT INTO "WebhookEvent" ("id", "eventId", "type", "rawBody", "lastError") VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT ("eventId") DO UPDATE SET "attempts" = "WebhookEvent"."attempts" + 1, "lastError" = $5`,
        [randomUUID(), event.id, event.type, rawBody, String(error).slice(0, 2000)],
      )
      .catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

const headersForLog = (request: http.IncomingMessage) =>
  JSON.stringify(Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])));

const server = http.createServer((request, response) => {
  if (request.method !== "POST" || request.url !== "/api/webhooks/qbitflow") {
    request.resume();
    return answer(response, request.url === "/api/webhooks/qbitflow" ? 405 : 404, { error: "not here" });
  }
  void (async () => {
    const body = await readBody(request);
    if (body === "too_large") return answer(response, 413, { code: "payload_too_large" });
    const header = request.headers["qbitflow-signature"];
    const signature = verifyWebhookSignature({
      header: Array.isArray(header) ? header[0] : header,
      rawBody: body,
      secrets,
    });
    if (!signature.ok) return answer(response, 400, { code: signature.reason });
    const rawBody = body.toString("utf8");
    const event = parseEnvelope(rawBody);
    if (!event) return answer(response, 400, { code: "malformed_event" });
    try {
      const outcome = await receive(event, rawBody, headersForLog(request));
      answer(response, 200, { received: true, duplicate: outcome === "duplicate" });
    } catch (error) {
      console.error(`[baseline] ${event.id} failed:`, error);
      answer(response, 500, { code: "processing_failed" });
    }
  })().catch((error: unknown) => {
    console.error("[baseline]", error);
    if (!response.headersSent) answer(response, 500, { code: "internal" });
  });
});

server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : "?"}`);
});

const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
