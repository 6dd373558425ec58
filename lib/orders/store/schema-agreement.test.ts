// Every statement the order store sends, checked against the Prisma schema: renaming, dropping
// or moving a column in schema.prisma (and regenerating the client) fails here, before any
// payment meets the statement. The store runs against a transaction that records statements.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type * as Sql from "@/lib/sql";
import type { Statement, Transaction } from "@/lib/sql";
import { SCHEMA_FIELDS, unknownIdentifiers } from "@/lib/test/schema-check";
import type { OrderTransaction } from "./order-transaction";

const sent = vi.hoisted(() => ({ statements: [] as string[] }));

function rowsFor(text: string): unknown[] {
  if (text.includes(`SELECT v."id", v."productId"`))
    return [{ id: "v1", productId: "p1", optionValues: ["M"], sku: "PEN-M", name: "Pen", priceCents: 100 }];
  if (text.includes(`RETURNING "priceCents"`)) return [{ priceCents: null }];
  if (text.includes(`SELECT "stock" FROM "ProductVariant"`)) return [{ stock: 5 }];
  if (text.includes(`SELECT "status"`)) return [{ status: "PAID" }];
  return [];
}

vi.mock("@/lib/env", () => ({ getEnv: () => ({ LIVE_BUS: "postgres" }) }));
vi.mock("@/lib/sql", async (importOriginal) => {
  const original = await importOriginal<typeof Sql>();
  const recording: Transaction = {
    query: async <Row>(statement: Statement) => {
      sent.statements.push(statement.text);
      return rowsFor(statement.text) as Row[];
    },
  };
  return { ...original, transaction: async <T>(work: (tx: Transaction) => Promise<T>) => work(recording) };
});

const store = await import("../order-store");
const { reserveStock } = await import("./stock");
const { Prisma } = await import("@/lib/generated/prisma/client");

const order = {
  id: "ord_1",
  status: "PENDING",
  stockState: "RESERVED",
  totalCents: 100,
  txHash: null,
  lastAttemptCode: null,
  lastAttemptAt: null,
  qbitflowSessionId: "pay@1",
  refundStatus: "PENDING",
  refundUuid: "refund@1",
  refundRestock: true,
  refundRestocked: false,
} as const;

const everyChange = {
  txHash: "0xabc",
  explorerUrl: "https://example.com/tx",
  chain: "base",
  currencySymbol: "USDC",
  amountPaidUsd: "1.00",
  paidAt: new Date(),
  lastAttemptCode: "x",
  lastAttemptMessage: "y",
  lastAttemptAt: new Date(),
  startErrorCode: "z",
  startErrorMessage: "w",
};

beforeEach(() => {
  sent.statements = [];
});

describe("the order store's SQL", () => {
  it("names only tables and columns the schema has, in every statement", async () => {
    await store.changeOrders(async (tx) => {
      await store.lockOrder(tx, "ord_1");
      await tx.query(
        store.lockOrderWhen(
          store.orderIdNamedBy({ reference: null, sessionId: "pay@1" }),
          Prisma.sql`"WebhookEvent"`,
          Prisma.sql`"WebhookEvent"."processedAt" IS NULL`,
        ),
      );
      for (const stock of ["release", "commit"] as const) {
        const decision = { status: "PAID", changes: everyChange, stock, review: "odd", reason: "r" } as const;
        await store.writeTransition(tx, order, decision, { source: "webhook", eventId: "evt_1" });
      }
      await reserveStock(tx as Transaction, "p1", 2);
      const refunded = {
        refundStatus: "REFUNDED",
        changes: {
          refundUuid: "refund@1",
          refundInitiatedBy: "merchant",
          refundPercent: "50",
          refundAmountUsd: "1.5",
          refundReason: "r",
          refundMerchantMessage: "m",
          refundTxHash: "0xr",
          refundExplorerUrl: "https://example.com/r",
          refundRequestedAt: new Date(),
          refundEndedAt: new Date(),
          refundRestock: true,
        },
        restock: true,
        review: "odd",
        reason: "r",
      } as const;
      await store.writeRefundTransition(tx, { ...order, status: "PAID", stockState: "COMMITTED" }, refunded, {
        source: "webhook",
        eventId: "evt_2",
      });
    });
    await store.createPendingOrder({ lines: [{ variantId: "v1", quantity: 1 }], email: "a@example.com" });
    await store.adjustVariantStock({ variantId: "v1", delta: -2, reason: "damaged", actor: "admin" });
    await store.unitsHeldByOpenOrders(["v1"]);
    await store.closeReview("ord_1", "looked at it");

    expect(sent.statements.length).toBeGreaterThanOrEqual(8);
    expect(sent.statements.some((text) => text.includes(`INSERT INTO "OutboxJob"`))).toBe(true);
    expect(sent.statements.some((text) => text.includes(`INSERT INTO "StockAdjustment"`))).toBe(true);
    expect(sent.statements.some((text) => text.includes(`INSERT INTO "OrderItem"`))).toBe(true);
    expect(sent.statements.some((text) => text.includes(`"stock_restocked"`))).toBe(true);
    for (const text of sent.statements) expect(unknownIdentifiers(text), text).toEqual([]);
  });

  it("reads back what it could not reserve in a statement of its own", async () => {
    const tx = { query: async () => [] } as unknown as OrderTransaction;
    expect(await reserveStock(tx, "p1", 2)).toEqual({ reserved: false, left: 0 });
  });
});

describe("the schema check itself", () => {
  const renamed = {
    ...SCHEMA_FIELDS,
    Order: new Set([...SCHEMA_FIELDS.Order!].filter((c) => c !== "txHash")),
  };

  it("flags a column the schema no longer has", () => {
    expect(unknownIdentifiers(`UPDATE "Order" SET "txHash" = $1 WHERE "id" = $2`, renamed)).toEqual([
      "txHash",
    ]);
  });

  it("flags a column written to another table than its own", () => {
    expect(unknownIdentifiers(`INSERT INTO "OrderItem" ("id", "totalCents") VALUES ($1, $2)`)).toEqual([
      "totalCents",
    ]);
    expect(
      unknownIdentifiers(`WITH "x" AS (UPDATE "ProductVariant" SET "status" = $1 WHERE "id" = $2) SELECT 1`),
    ).toEqual(["status"]);
  });

  it("accepts names a statement declares, enum types and qualified columns", () => {
    const sql = `WITH "moved" AS (UPDATE "ProductVariant" AS v SET "stock" = v."stock" + 1 WHERE v."id" = $1)
      SELECT o."status"::"OrderStatus" AS "state" FROM "Order" AS o, "moved"`;
    expect(unknownIdentifiers(sql)).toEqual([]);
  });
});
