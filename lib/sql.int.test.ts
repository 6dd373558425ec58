// lib/sql.ts against a real database: transactions commit or roll back as a whole, and
// timestamps are stored and read as UTC (as Prisma stores them) whatever the process's zone.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { pool, together, transaction } from "./sql";

const table = Prisma.raw(`"sql_test_${randomUUID().slice(0, 8)}"`);
const zone = process.env.TZ;

beforeAll(async () => {
  await pool().query(`CREATE TABLE ${table.text} ("id" TEXT PRIMARY KEY, "at" TIMESTAMP(3))`);
});
afterAll(async () => {
  process.env.TZ = zone;
  await pool().query(`DROP TABLE IF EXISTS ${table.text}`);
});

const ids = () => pool().query<{ id: string }>(`SELECT "id" FROM ${table.text} ORDER BY "id"`);

describe("transaction", () => {
  it("commits every statement, or none when the work throws", async () => {
    await transaction(async (tx) => {
      await tx.query(Prisma.sql`INSERT INTO ${table} ("id") VALUES ('a')`);
      await tx.query(together([Prisma.sql`"b" AS (INSERT INTO ${table} ("id") VALUES ('b'))`]));
    });
    await expect(
      transaction(async (tx) => {
        await tx.query(Prisma.sql`INSERT INTO ${table} ("id") VALUES ('c')`);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await expect(
      transaction((tx) => tx.query(Prisma.sql`INSERT INTO ${table} ("id") VALUES ('a')`)),
    ).rejects.toThrow(/duplicate key/);

    expect((await ids()).rows.map((row) => row.id)).toEqual(["a", "b"]);
  });

  it("stores and reads timestamps as UTC, in any process time zone", async () => {
    process.env.TZ = "America/New_York";
    const at = new Date("2026-01-02T03:04:05.678Z");
    const [row] = await transaction(async (tx) => {
      await tx.query(Prisma.sql`INSERT INTO ${table} ("id", "at") VALUES ('utc', ${at})`);
      return tx.query<{ at: Date; text: string }>(
        Prisma.sql`SELECT "at", to_char("at", 'YYYY-MM-DD HH24:MI:SS.MS') AS "text" FROM ${table} WHERE "id" = 'utc'`,
      );
    });
    expect(row?.text).toBe("2026-01-02 03:04:05.678");
    expect(row?.at.toISOString()).toBe(at.toISOString());
  });

  // The embedded PGlite ignores connection-time settings; the limit is for real servers.
  it.skipIf(getEnv().LIVE_BUS === "memory")("limits how long one statement may hold its locks", async () => {
    const [row] = await transaction((tx) =>
      tx.query<{ statement_timeout: string }>(Prisma.sql`SHOW statement_timeout`),
    );
    expect(row?.statement_timeout).toBe("15s");
  });
});
