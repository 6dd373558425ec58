// The webhook endpoint behind a bare node:http server, in a process of its own like `next start`:
//
//   PORT=… DATABASE_URL=… QBITFLOW_WEBHOOK_SECRET=… node --conditions react-server --import tsx \
//     scripts/bench/bare-server.ts baseline|app-code
//
// - baseline: no framework and none of the app's layers: 1 MiB body cap, the same signature check
//   (lib/qbitflow's verifier, which is pure), JSON parse, and the SQL of the app's webhook path
//   (lib/webhooks/inbox.ts, lib/orders/apply-order-event.ts) statement for statement: BEGIN; claim;
//   change; COMMIT, with pg and a pool of 10 like the app's. Keep it in step with the app's SQL.
// - app-code: the app's own route handler (app/api/webhooks/qbitflow/route.ts) without Next.js, so
//   the gap between baseline and `next start` splits into Next.js's share and the app's own.
//   `--conditions react-server` makes `server-only` resolve to its empty module, as in the app's
//   server bundle; tsx resolves the `@/` alias.
import { randomUUID } from "node:crypto";
import http from "node:http";
import { Readable } from "node:stream";
import pg from "pg";
import { verifyWebhookSignature } from "../../lib/qbitflow/webhook-signature";

const PATH = "/api/webhooks/qbitflow";
const mode = process.argv[2];

async function appCode(): Promise<http.RequestListener> {
  const { POST } = await import("../../app/api/webhooks/qbitflow/route");
  return (incoming, outgoing) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers))
      if (typeof value === "string") headers.set(name, value);
    const request = new Request(`http://127.0.0.1${incoming.url}`, {
      method: "POST",
      headers,
      body: Readable.toWeb(incoming) as ReadableStream<Uint8Array>,
      duplex: "half",
    } as RequestInit);
    POST(request)
      .then(async (response) => {
        const body = Buffer.from(await response.arrayBuffer());
        outgoing.writeHead(response.status, {
          ...Object.fromEntries(response.headers),
          "content-length": body.length,
        });
        outgoing.end(body);
      })
      .catch((error: unknown) => {
        console.error("[app-code]", error);
        if (!outgoing.headersSent) outgoing.writeHead(500).end();
      });
  };
}

type Envelope = { id: string; type: string; version: string; data: Record<string, unknown> };
function parseEnvelope(text: string): Envelope | null {
  try {
    const event = JSON.parse(text) as Partial<Envelope> | null;
    return event?.version === "v2" && typeof event.id === "string" && typeof event.data === "object"
      ? (event as Envelope)
      : null;
  } catch {
    return null;
  }
}

function baseline(): http.RequestListener {
  const secrets = process.env.QBITFLOW_WEBHOOK_SECRET!.split(",");
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const answer = (response: http.ServerResponse, status: number, body: object) => {
    const text = JSON.stringify(body);
    response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" }).end(text);
  };
  const DELIVERY = `INSERT INTO "WebhookDelivery" ("id", "outcome", "signatureValid", "httpStatus", "headers",
    "eventId", "eventType", "webhookEventId")`;
  return (request, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 1024 * 1024) chunks.push(chunk);
    });
    request.on("end", () => {
      if (size > 1024 * 1024) return answer(response, 413, { code: "payload_too_large" });
      const body = Buffer.concat(chunks);
      const header = request.headers["qbitflow-signature"] as string | undefined;
      const signature = verifyWebhookSignature({ header, rawBody: body, secrets });
      if (!signature.ok) return answer(response, 400, { code: signature.reason });
      const rawBody = body.toString("utf8");
      const event = parseEnvelope(rawBody);
      if (!event) return answer(response, 400, { code: "malformed_event" });
      const headers = JSON.stringify(request.headers);
      const paid = event.type === "payment.completed";
      const data = event.data;
      void (async () => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          // The claim: inbox upsert, a duplicate's log row, the order's lock.
          const { rows } = await client.query(
            `WITH "inbox" AS (
               INSERT INTO "WebhookEvent" ("id", "eventId", "type", "rawBody") VALUES ($1, $2, $3, $4)
               ON CONFLICT ("eventId") DO UPDATE SET "attempts" = "WebhookEvent"."attempts" + 1
               RETURNING "id", "processedAt"
             ), "delivery_duplicate" AS (
               ${DELIVERY} SELECT $5, 'DUPLICATE', true, 200, $6::jsonb, $2, $3, "inbox"."id"
                 FROM "inbox" WHERE "processedAt" IS NOT NULL
             ), "locked" AS (
               SELECT o."id", o."status", o."stockState", o."totalCents", o."txHash", o."lastAttemptCode",
                      o."lastAttemptAt", o."qbitflowSessionId"
                 FROM "Order" AS o, "inbox" WHERE "inbox"."processedAt" IS NULL AND o."id" = COALESCE(
                 (SELECT "id" FROM "Order" WHERE "id" = $7::text),
                 (SELECT "id" FROM "Order" WHERE "qbitflowSessionId" = $8::text)) FOR UPDATE OF o
             )
             SELECT "inbox"."id" AS "inboxId", "inbox"."processedAt" IS NOT NULL AS "duplicate", "locked".*
               FROM "inbox" LEFT JOIN "locked" ON true`,
            [randomUUID(), event.id, event.type, rawBody, randomUUID(), headers, data.reference, data.uuid],
          );
          const claimed = rows[0];
          if (claimed.duplicate) {
            await client.query("COMMIT");
            return answer(response, 200, { received: true, duplicate: true });
          }
          // The decision (the app's decide()): a payment moves an open order to PAID and commits its stock.
          const pays = paid && claimed.id && ["PENDING", "CONFIRMING"].includes(claimed.status);
          const now = new Date().toISOString();
          // The change: the order (a sale leaves Product alone), its history, the inbox, the log, NOTIFY.
          await client.query(
            `WITH "order_changed" AS (
               UPDATE "Order" SET "status" = 'PAID', "updatedAt" = $3, "txHash" = $4, "explorerUrl" = $5, "chain" = $6,
                      "currencySymbol" = $7, "amountPaidUsd" = $8, "paidAt" = $9,
                      "stockState" = CASE WHEN "stockState" = 'RESERVED' THEN 'COMMITTED'::"StockState" ELSE "stockState" END
                WHERE "id" = $2 AND $10
             ), "history_added" AS (
               INSERT INTO "OrderStatusChange" ("id", "orderId", "fromStatus", "toStatus", "source", "reason", "eventId", "createdAt")
               SELECT $11, $2, $12::"OrderStatus", 'PAID', 'webhook', 'payment completed', $1, $3 WHERE $10
             ), "inbox_done" AS (
               UPDATE "WebhookEvent" SET "processedAt" = $3, "orderId" = $2, "unmatched" = $13, "lastError" = NULL
                WHERE "id" = $14
             ), "delivery_processed" AS (
               ${DELIVERY} VALUES ($15, 'PROCESSED', true, 200, $16::jsonb, $1, $17, $14)
             )
             SELECT pg_notify('order_changed', $2) WHERE $10`,
            // prettier-ignore
            [
              event.id, claimed.id, now, data.txHash, data.explorerUrl, data.chain, // $1–$6
              (data.currency as { symbol?: string } | undefined)?.symbol, data.paidUsd, data.confirmedAt, // $7–$9
              Boolean(pays), randomUUID(), claimed.status, paid && !claimed.id, claimed.inboxId, // $10–$14
              randomUUID(), headers, event.type, // $15–$17
            ],
          );
          await client.query("COMMIT");
          answer(response, 200, { received: true, duplicate: false });
        } catch (error) {
          await client.query("ROLLBACK").catch(() => {});
          // Like the app's recordFailure: the failed delivery still counts as an attempt.
          await pool.query(
            `INSERT INTO "WebhookEvent" ("id", "eventId", "type", "rawBody", "lastError") VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT ("eventId") DO UPDATE SET "attempts" = "WebhookEvent"."attempts" + 1, "lastError" = $5`,
            [randomUUID(), event.id, event.type, rawBody, String(error).slice(0, 2000)],
          );
          console.error(`[baseline] ${event.id} failed:`, error);
          answer(response, 500, { code: "processing_failed" });
        } finally {
          client.release();
        }
      })().catch((error: unknown) => {
        console.error("[baseline]", error);
        if (!response.headersSent) answer(response, 500, { code: "internal" });
      });
    });
  };
}

const handle = mode === "app-code" ? await appCode() : baseline();
const server = http.createServer((request, response) => {
  if (request.method === "POST" && request.url === PATH) return handle(request, response);
  request.resume();
  response.writeHead(request.url === PATH ? 405 : 404).end();
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
