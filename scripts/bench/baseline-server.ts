// The baseline: a bare node:http server doing what POST /api/webhooks/qbitflow does, without
// Next.js or Prisma: 1 MiB body cap, the same signature check, JSON parse, and the same SQL
// statements in the same order in one transaction (pg, a pool of 10 like PrismaPg's default).
// BASELINE_SQL=lean instead does the same work in 4 statements (see receiveLean), to show what
// fewer round trips would give. Run as its own process (like `next start`):
//   DATABASE_URL=… QBITFLOW_WEBHOOK_SECRET=… PORT=0 tsx scripts/bench/baseline-server.ts
// It prints `listening <port>` once it accepts requests.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import pg from "pg";
import { verifyWebhookSignature } from "../../lib/qbitflow/webhook-signature";
import { decide, type OrderState } from "../../lib/orders/transition-rules";
import type { OrderEvent } from "../../lib/orders/order-events";

const MAX_BYTES = 1024 * 1024;
const secrets = (process.env.QBITFLOW_WEBHOOK_SECRET ?? "").split(",").filter(Boolean);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

// Statements the app's webhook path gained with later features, mirrored when the database (or
// the configuration) says the feature is there, so the comparison stays statement for statement:
// the delivery log (one WebhookDelivery row per delivery) and the live bus (pg_notify per change).
const features = pool
  .query<{ log: boolean }>(`SELECT to_regclass('"WebhookDelivery"') IS NOT NULL AS log`)
  .then(({ rows }) => ({
    deliveryLog: rows[0]?.log === true,
    notify:
      existsSync(path.resolve(import.meta.dirname, "../../lib/live/change-bus.ts")) &&
      process.env.LIVE_BUS !== "memory",
  }));
let mirrored = { deliveryLog: false, notify: false };

async function logDelivery(
  client: pg.PoolClient,
  webhookEventId: string,
  event: Envelope,
  headers: string,
  outcome: string,
) {
  if (!mirrored.deliveryLog) return;
  await client.query(
    `INSERT INTO "WebhookDelivery" ("id", "outcome", "signatureValid", "httpStatus", "headers", "eventId", "eventType", "webhookEventId")
     VALUES ($1, $2::"DeliveryOutcome", true, 200, $3::jsonb, $4, $5, $6) RETURNING *`,
    [randomUUID(), outcome, headers, event.id, event.type, webhookEventId],
  );
}

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

/** The inbox, findOrderId, applyOrderEventIn and moveStock, statement for statement. */
async function receive(
  event: Envelope,
  rawBody: string,
  headers: string,
): Promise<"processed" | "duplicate"> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const inbox = await client.query<{ id: string; processedAt: Date | null }>(
      `INSERT INTO "WebhookEvent" ("id", "eventId", "type", "rawBody") VALUES ($1, $2, $3, $4)
       ON CONFLICT ("eventId") DO UPDATE SET "attempts" = "WebhookEvent"."attempts" + 1
       RETURNING "id", "processedAt"`,
      [randomUUID(), event.id, event.type, rawBody],
    );
    const inboxId = inbox.rows[0]?.id ?? "";
    if (inbox.rows[0]?.processedAt) {
      await logDelivery(client, inboxId, event, headers, "DUPLICATE");
      await client.query("COMMIT");
      return "duplicate";
    }
    let orderId: string | null = null;
    if (event.type === "payment.completed") {
      const reference = text(event.data.reference);
      const found = await client.query<{ id: string }>(`SELECT "id" FROM "Order" WHERE "id" = $1 LIMIT 1`, [
        reference,
      ]);
      orderId = found.rows[0]?.id ?? null;
      if (orderId) await applyPaid(client, orderId, paymentCompleted(event.data), event.id);
    }
    await client.query(
      `UPDATE "WebhookEvent" SET "processedAt" = now(), "orderId" = $2, "unmatched" = $3, "lastError" = NULL
        WHERE "eventId" = $1 RETURNING *`,
      [event.id, orderId, event.type === "payment.completed" && !orderId],
    );
    await logDelivery(client, inboxId, event, headers, "PROCESSED");
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

async function applyPaid(client: pg.PoolClient, orderId: string, event: OrderEvent, eventId: string) {
  const { rows } = await client.query<OrderState>(
    `SELECT "status", "stockState", "totalCents", "txHash", "lastAttemptCode", "lastAttemptAt", "qbitflowSessionId"
       FROM "Order" WHERE "id" = $1 FOR UPDATE`,
    [orderId],
  );
  const order = rows[0];
  if (!order) return;
  const decision = decide(order, event);
  if (!decision) return;
  const c = decision.changes;
  await client.query(
    `UPDATE "Order" SET "txHash" = $2, "explorerUrl" = $3, "chain" = $4, "currencySymbol" = $5,
            "amountPaidUsd" = $6, "paidAt" = $7, "status" = $8::"OrderStatus", "updatedAt" = now()
      WHERE "id" = $1 RETURNING *`,
    [orderId, c.txHash, c.explorerUrl, c.chain, c.currencySymbol, c.amountPaidUsd, c.paidAt, decision.status],
  );
  if (decision.stock === "commit") {
    const moved = await client.query(
      `UPDATE "Order" SET "stockState" = 'COMMITTED', "updatedAt" = now() WHERE "id" = $1 AND "stockState" = 'RESERVED'`,
      [orderId],
    );
    if (moved.rowCount) {
      const items = await client.query<{ productId: string; quantity: number }>(
        `SELECT * FROM "OrderItem" WHERE "orderId" = $1 AND "productId" IS NOT NULL`,
        [orderId],
      );
      for (const item of items.rows) {
        await client.query(
          `UPDATE "Product" SET "reserved" = GREATEST("reserved" - $1, 0), "stock" = "stock" - $1, "updatedAt" = now()
            WHERE "id" = $2`,
          [item.quantity, item.productId],
        );
      }
    }
  }
  await client.query(
    `INSERT INTO "OrderStatusChange" ("id", "orderId", "fromStatus", "toStatus", "source", "reason", "eventId")
     VALUES ($1, $2, $3, $4, 'webhook', $5, $6) RETURNING *`,
    [randomUUID(), orderId, order.status, decision.status, decision.reason, eventId],
  );
  if (mirrored.notify) await client.query("SELECT pg_notify($1, $2)", ["order_changed", orderId]);
}

const ORDER_COLUMNS = `"status", "stockState", "totalCents", "txHash", "lastAttemptCode", "lastAttemptAt", "qbitflowSessionId"`;

/**
 * The same effects in 4 statements: BEGIN; the inbox upsert joined with the order's row lock;
 * one statement for the order, its stock, its history and the inbox row; COMMIT. The hot
 * Product row is locked only for the last two.
 */
async function receiveLean(
  event: Envelope,
  rawBody: string,
  _headers: string,
): Promise<"processed" | "duplicate"> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const reference = event.type === "payment.completed" ? text(event.data.reference) : null;
    const { rows } = await client.query<OrderState & { processedAt: Date | null; id: string | null }>(
      `WITH ev AS (
         INSERT INTO "WebhookEvent" ("id", "eventId", "type", "rawBody") VALUES ($1, $2, $3, $4)
         ON CONFLICT ("eventId") DO UPDATE SET "attempts" = "WebhookEvent"."attempts" + 1
         RETURNING "processedAt")
       SELECT ev."processedAt", o.* FROM ev LEFT JOIN LATERAL (
         SELECT "id", ${ORDER_COLUMNS} FROM "Order" WHERE "id" = $5 AND ev."processedAt" IS NULL FOR UPDATE) o ON true`,
      [randomUUID(), event.id, event.type, rawBody, reference],
    );
    const row = rows[0];
    if (row?.processedAt) {
      await client.query("COMMIT");
      return "duplicate";
    }
    const decision = row?.id ? decide(row, paymentCompleted(event.data)) : null;
    const c = decision?.changes ?? {};
    await client.query(
      `WITH o AS (
         UPDATE "Order" SET "txHash" = $3, "explorerUrl" = $4, "chain" = $5, "currencySymbol" = $6,
                "amountPaidUsd" = $7, "paidAt" = $8, "status" = $9::"OrderStatus", "updatedAt" = now(),
                "stockState" = CASE WHEN $10::boolean THEN 'COMMITTED'::"StockState" ELSE "stockState" END
          WHERE "id" = $2 AND $9::"OrderStatus" IS NOT NULL RETURNING "id"),
       p AS (
         UPDATE "Product" p SET "stock" = p."stock" - i.q, "reserved" = GREATEST(p."reserved" - i.q, 0), "updatedAt" = now()
           FROM (SELECT "productId", sum("quantity")::int AS q FROM "OrderItem"
                  WHERE "orderId" = $2 AND "productId" IS NOT NULL AND $10 GROUP BY 1) i
          WHERE p."id" = i."productId"),
       s AS (
         INSERT INTO "OrderStatusChange" ("id", "orderId", "fromStatus", "toStatus", "source", "reason", "eventId")
         SELECT $11::text, "id", $12::"OrderStatus", $9::"OrderStatus", 'webhook', $13::text, $1::text FROM o)
       UPDATE "WebhookEvent" SET "processedAt" = now(), "orderId" = $2, "unmatched" = $14, "lastError" = NULL
        WHERE "eventId" = $1`,
      [
        event.id,
        row?.id ?? null,
        c.txHash,
        c.explorerUrl,
        c.chain,
        c.currencySymbol,
        c.amountPaidUsd,
        c.paidAt,
        decision?.status ?? null,
        decision?.stock === "commit" && row?.stockState === "RESERVED",
        randomUUID(),
        row?.status ?? null,
        decision?.reason ?? null,
        event.type === "payment.completed" && !row?.id,
      ],
    );
    await client.query("COMMIT");
    return "processed";
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

const process_ = process.env.BASELINE_SQL === "lean" ? receiveLean : receive;
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
      const outcome = await process_(event, rawBody, headersForLog(request));
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
void features.then((found) => {
  mirrored = found;
  server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
    const address = server.address();
    const extra = Object.entries(found)
      .filter(([, on]) => on)
      .map(([name]) => name);
    console.log(`listening ${typeof address === "object" && address ? address.port : "?"}`);
    console.error(
      `[baseline] ${process.env.BASELINE_SQL ?? "mirror"} SQL; also mirrors: ${extra.join(", ") || "nothing"}`,
    );
  });
});

const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
