// Issue 13, item 5: anyone can POST to the webhook URL, so what a rejected delivery may cost is
// bounded: bytes stored per rejection, repeats counted on one row, a limit per source, pruning
// by age, and the admin still sees how many were rejected and why.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { rejectionCounts } from "@/lib/admin/webhooks/webhook-queries";
import { db } from "@/lib/db";
import { delivery, TEST_SECRET } from "@/lib/test/webhooks";
import { pruneDeliveryLog } from "./prune-deliveries";
import { receiveWebhook } from "./receive-webhook";
import { RejectionLimiter } from "./rejection-limit";

const run = randomUUID();
const source = `2001:db8::${run.slice(0, 4)}:${run.slice(9, 13)}`;

/** An unsigned POST with an 8 KiB body and 50 bulky headers, as the outside test sent. */
function unsignedFlood(index: number): Request {
  const request = delivery(JSON.stringify({ id: `evt_${run}_${index}`, pad: "x".repeat(8 * 1024) }), null);
  for (let i = 0; i < 50; i++) request.headers.set(`x-pad-${i}`, "y".repeat(1000));
  return request;
}

const rowsOfRun = () =>
  db.$queryRaw<{ repeatCount: number; bytes: number }[]>`
    SELECT "repeatCount", octet_length("headers"::text) + COALESCE(octet_length("bodyExcerpt"), 0) AS "bytes"
      FROM "WebhookDelivery" WHERE "sourceAddress" = ${source}`;

afterAll(async () => {
  await db.$executeRaw`DELETE FROM "WebhookDelivery" WHERE "sourceAddress" = ${source} OR "eventId" LIKE ${`evt_${run}%`}`;
  await db.$disconnect();
});

describe("rejected webhook deliveries", () => {
  it("cost one small row per source and reason, then 429 past the source's limit", async () => {
    const limiter = new RejectionLimiter({ perWindow: 20, windowMs: 60_000, maxSources: 100 });
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) {
      const response = await receiveWebhook(unsignedFlood(i), { secrets: [TEST_SECRET], source, limiter });
      statuses.push(response.status);
    }

    expect(statuses.slice(0, 20).every((status) => status === 400)).toBe(true);
    expect(statuses.slice(20).every((status) => status === 429)).toBe(true);
    const rows = await rowsOfRun();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.repeatCount).toBe(20);
    expect(rows[0]?.bytes).toBeLessThan(6 * 1024);
  });

  it("are counted by reason for the admin, repeats included", async () => {
    const counts = await rejectionCounts(1);
    const missing = counts.find((row) => row.errorCode === "missing_signature");
    expect(missing?.count).toBeGreaterThanOrEqual(20);
  });

  it("are pruned by age, with every other log row older than the retention", async () => {
    const old = new Date(Date.now() - 40 * 24 * 60 * 60_000);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const row = (id: string, receivedAt: Date, lastReceivedAt: Date | null) => ({
      id,
      receivedAt,
      lastReceivedAt,
      outcome: "REJECTED" as const,
      httpStatus: 400,
      errorCode: "invalid_signature",
      headers: {},
      eventId: `evt_${run}_prune`,
    });
    await db.webhookDelivery.createMany({
      data: [row(ids[0]!, old, null), row(ids[1]!, new Date(), null), row(ids[2]!, old, new Date())],
    });

    expect(await pruneDeliveryLog({ retentionDays: 30 })).toBeGreaterThanOrEqual(1);
    const left = await db.webhookDelivery.findMany({ where: { id: { in: ids } }, select: { id: true } });
    expect(left.map((kept) => kept.id).sort()).toEqual([ids[1], ids[2]].sort());
  });
});
