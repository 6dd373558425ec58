// GET /api/cron/reconcile: only with the bearer secret, and it runs the sweep.
import { afterAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/cron/reconcile/route";
import { db } from "@/lib/db";

// Hoisted above the imports: lib/env.ts reads the environment once, on first use.
const secret = vi.hoisted(() => (process.env.CRON_SECRET = "cron-secret-for-the-tests"));

afterAll(() => db.$disconnect());

const call = (authorization?: string) =>
  GET(
    new Request("http://localhost/api/cron/reconcile", { headers: authorization ? { authorization } : {} }),
  );

describe("the reconciliation cron route", () => {
  it.each([undefined, "Bearer wrong-secret-value", secret])("answers 401 to %s", async (authorization) => {
    const response = await call(authorization);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "unauthorized" });
  });

  it("runs the sweep and prunes the delivery log with the right bearer token, and reports both", async () => {
    const response = await call(`Bearer ${secret}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      checked: expect.any(Number),
      changed: expect.any(Array),
      failed: expect.any(Array),
      refunds: expect.any(Array),
      prunedDeliveries: expect.any(Number),
    });
  });
});
