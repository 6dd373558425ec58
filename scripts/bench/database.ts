// The benchmark's own PostgreSQL database: created fresh, migrated, seeded with plain multi-row
// inserts (fast), checked afterwards, dropped at the end.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { migrate } from "../db/migrate";
import { newOrderId } from "../../lib/orders/order-id";

export interface BenchDatabase {
  name: string;
  url: string;
  serverVersion: string;
  drop(): Promise<void>;
}

export class DatabaseUnreachable extends Error {}

/** Creates `bench_<timestamp>` on the server of `adminUrl` and applies the migrations. */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new DatabaseUnreachable(`cannot connect to ${adminUrl}: ${(error as Error).message}`);
  }
  const name = `bench_${Date.now()}_${process.pid}`;
  let serverVersion: string;
  try {
    serverVersion =
      (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? "?";
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };
  try {
    await migrate({ connectionString: url.toString() });
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
  return { name, url: url.toString(), serverVersion, drop };
}

export interface SeededOrder {
  id: string;
  sessionId: string;
  totalCents: number;
}

export interface OrderSet {
  label: string;
  productIds: string[];
  /** Stock of each product before its orders were placed. */
  initialStock: number;
  orders: SeededOrder[];
}

const PRICE_CENTS = 1999;
const ROWS_PER_INSERT = 1000;

async function insertRows(client: pg.ClientBase, table: string, columns: string[], rows: unknown[][]) {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    const values: unknown[] = [];
    const tuples = chunk.map((row) => {
      const marks = row.map((value) => {
        values.push(value);
        return `$${values.length}`;
      });
      return `(${marks.join(", ")})`;
    });
    const names = columns.map((column) => `"${column}"`).join(", ");
    await client.query(`INSERT INTO "${table}" (${names}) VALUES ${tuples.join(", ")}`, values);
  }
}

/**
 * `count` PENDING orders of one unit each, their units taken out of stock (as createPendingOrder
 * leaves them), each with its checkout session id; spread over `products` products (default
 * one: the hot-selling-item case, where every order names the same Product row).
 */
export async function seedOrderSet(
  url: string,
  label: string,
  count: number,
  products = 1,
): Promise<OrderSet> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const productIds = Array.from({ length: Math.max(1, Math.min(products, count)) }, () => randomUUID());
    const initialStock = count * 10;
    const heldBy = (index: number) =>
      Math.floor(count / productIds.length) + (index < count % productIds.length ? 1 : 0);
    await insertRows(
      client,
      "Product",
      ["id", "slug", "name", "description", "priceCents", "imagePath", "stock", "updatedAt"],
      productIds.map((id, index) => [
        id,
        `bench-${label}-${id}`,
        `Bench ${label}`,
        "Benchmark product",
        PRICE_CENTS,
        "/products/bench.svg",
        initialStock - heldBy(index),
        new Date(),
      ]),
    );
    const orders: SeededOrder[] = Array.from({ length: count }, () => ({
      id: newOrderId(),
      sessionId: `pay@${randomUUID()}`,
      totalCents: PRICE_CENTS,
    }));
    const now = new Date();
    await insertRows(
      client,
      "Order",
      ["id", "status", "stockState", "totalCents", "qbitflowSessionId", "createdAt", "updatedAt"],
      orders.map((o) => [o.id, "PENDING", "RESERVED", o.totalCents, o.sessionId, now, now]),
    );
    await insertRows(
      client,
      "OrderItem",
      ["id", "orderId", "productId", "name", "unitPriceCents", "quantity"],
      orders.map((o, i) => [
        randomUUID(),
        o.id,
        productIds[i % productIds.length],
        `Bench ${label}`,
        PRICE_CENTS,
        1,
      ]),
    );
    await insertRows(
      client,
      "OrderStatusChange",
      ["id", "orderId", "toStatus", "source", "reason", "createdAt"],
      orders.map((o) => [randomUUID(), o.id, "PENDING", "checkout", "order placed, stock reserved", now]),
    );
    await client.query("COMMIT");
    await client.query(`ANALYZE`);
    return { label, productIds, initialStock, orders };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

export interface Check {
  name: string;
  expected: number;
  actual: number;
}

/** What the database says after a run: every figure must equal its expected value. */
export async function checkOrderSet(
  url: string,
  set: OrderSet,
  eventIds: string[],
  requestsSent: number,
): Promise<Check[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const orderIds = set.orders.map((o) => o.id);
    const n = set.orders.length;
    const one = async (sql: string, params: unknown[]): Promise<number> =>
      Number((await client.query<{ n: string | number | null }>(sql, params)).rows[0]?.n ?? 0);
    const inbox = await client.query<{ rows: string; processed: string; attempts: string | null }>(
      `SELECT count(*) AS rows, count("processedAt") AS processed, sum("attempts") AS attempts
         FROM "WebhookEvent" WHERE "eventId" = ANY($1)`,
      [eventIds],
    );
    const row = inbox.rows[0];
    const paid = await one(
      `SELECT count(*) AS n FROM "Order" WHERE "id" = ANY($1) AND "status" = 'PAID' AND "stockState" = 'COMMITTED'`,
      [orderIds],
    );
    const review = await one(`SELECT count(*) AS n FROM "Order" WHERE "id" = ANY($1) AND "needsReview"`, [
      orderIds,
    ]);
    const paidChanges = await client.query<{ once: string; twice: string }>(
      `SELECT count(*) FILTER (WHERE c = 1) AS once, count(*) FILTER (WHERE c > 1) AS twice
         FROM (SELECT o."id", count(s."id") AS c FROM "Order" o
                 LEFT JOIN "OrderStatusChange" s ON s."orderId" = o."id" AND s."toStatus" = 'PAID'
                WHERE o."id" = ANY($1) GROUP BY o."id") per_order`,
      [orderIds],
    );
    const stockLeft = await one(`SELECT sum("stock") AS n FROM "Product" WHERE "id" = ANY($1)`, [
      set.productIds,
    ]);
    const stockBefore = set.initialStock * set.productIds.length;
    return [
      { name: "events in the inbox (one row each)", expected: eventIds.length, actual: Number(row?.rows) },
      {
        name: "events processed (processedAt set)",
        expected: eventIds.length,
        actual: Number(row?.processed),
      },
      {
        name: "deliveries counted (sum of attempts)",
        expected: requestsSent,
        actual: Number(row?.attempts ?? 0),
      },
      { name: "orders PAID with stock COMMITTED", expected: n, actual: paid },
      { name: "orders with exactly one PAID change", expected: n, actual: Number(paidChanges.rows[0]?.once) },
      {
        name: "double fulfilments (>1 PAID change)",
        expected: 0,
        actual: Number(paidChanges.rows[0]?.twice),
      },
      { name: "orders flagged for review", expected: 0, actual: review },
      // Taken out at checkout, kept out by the payment: a release would have put units back.
      { name: "product units sold", expected: n, actual: stockBefore - stockLeft },
    ];
  } finally {
    await client.end();
  }
}
