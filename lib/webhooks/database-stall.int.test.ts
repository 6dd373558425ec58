// Issue 13, item 6: with the database stalled (a partition: packets dropped, nothing refused),
// the webhook route must answer 5xx well inside QBitFlow's 30 s, not wait for the network.
// The app reaches the database through a proxy that can go quiet (lib/test/stall-proxy.ts).
import { afterAll, describe, expect, it } from "vitest";
import { startStallProxy } from "@/lib/test/stall-proxy";
import { delivery, envelope, TEST_SECRET } from "@/lib/test/webhooks";

// Before anything reads the configuration: the app's pool must connect through the proxy.
const proxy = await startStallProxy(process.env.DATABASE_URL!);
process.env.DATABASE_URL = proxy.url;
const { receiveWebhook } = await import("./receive-webhook");
const { db } = await import("@/lib/db");

const post = () =>
  receiveWebhook(delivery(envelope("payment.expired", { uuid: "pay@stall", reference: "none" })), {
    secrets: [TEST_SECRET],
  });

afterAll(async () => {
  proxy.resume();
  await db.$disconnect();
  await proxy.close();
});

describe("the webhook route with the database stalled", () => {
  it("answers 5xx within ~10 s, and works again once the network is back", { timeout: 40_000 }, async () => {
    expect((await post()).status).toBe(200); // a pooled connection exists before the stall

    proxy.stall();
    const started = Date.now();
    const stalled = await post();
    const waited = Date.now() - started;
    expect(stalled.status).toBe(500);
    expect(await stalled.json()).toMatchObject({ code: "processing_failed" });
    expect(waited).toBeLessThan(12_000);

    proxy.resume();
    expect((await post()).status).toBe(200);
  });
});
