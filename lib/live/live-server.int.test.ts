// The live server against a real database: snapshots on subscribe, refused capabilities, the
// active check that stops once the order is paid, the socket that closes once it is settled, and (on PostgreSQL) a change made by one app
// instance reaching a subscriber of another.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { applyOrderEvent } from "@/lib/orders/apply-order-event";
import { startCheckout } from "@/lib/orders/start-checkout";
import { createTestProduct, deleteTestProducts } from "@/lib/test/fixtures";
import { wallet } from "@/lib/test/sandbox-control";
import { createLiveServer, type LiveServer } from "./live-server";
import { CLOSE, type ServerMessage } from "./protocol";

const productIds: string[] = [];
const running: { server: Server; live: LiveServer }[] = [];

async function startInstance(options: Parameters<typeof createLiveServer>[0] = {}) {
  const live = await createLiveServer(options);
  const server = createServer();
  server.on("upgrade", (request, socket, head) => live.handleUpgrade(request, socket, head));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  running.push({ server, live });
  return { live, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api/live` };
}

/** Subscribes and collects what the server says until it closes the socket. */
function subscribe(url: string, order: string) {
  const socket = new WebSocket(url);
  const snapshots: ServerMessage[] = [];
  const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
  socket.on("open", () => socket.send(JSON.stringify({ type: "subscribe", order })));
  socket.on("message", (data) => {
    const message = JSON.parse(String(data)) as ServerMessage;
    if (message.type === "snapshot") snapshots.push(message);
  });
  const statuses = () =>
    snapshots.map((message) => (message.type === "snapshot" ? message.order.status : null));
  const refunds = () =>
    snapshots.map((message) => (message.type === "snapshot" ? (message.order.refund?.status ?? null) : null));
  return { socket, closed, statuses, refunds };
}

async function openOrder() {
  const product = await createTestProduct({ priceCents: 120, stock: 5 });
  productIds.push(product.id);
  const started = await startCheckout({ lines: [{ variantId: product.variantId, quantity: 1 }] });
  if (!started.ok) throw new Error(started.message);
  const order = await db.order.findUniqueOrThrow({ where: { id: started.orderId } });
  return { id: order.id, sessionId: order.qbitflowSessionId! };
}

afterAll(async () => {
  for (const { server, live } of running) {
    await live.close();
    server.close();
  }
  await deleteTestProducts(productIds);
  await db.$disconnect();
});

describe("the live server", () => {
  it("sends the snapshot at once, every committed change, and closes when the order is final", async () => {
    const { url } = await startInstance({ checkIntervalMs: 60_000 });
    const order = await openOrder();
    const client = subscribe(url, order.id);
    await expect.poll(client.statuses).toEqual(["PENDING"]);

    await applyOrderEvent(order.id, { type: "payment_sent", txHash: "0xabc" }, { source: "webhook" });
    await expect.poll(client.statuses).toEqual(["PENDING", "CONFIRMING"]);
    await applyOrderEvent(order.id, { type: "session_expired", message: null }, { source: "webhook" });

    expect(await client.closed).toBe(CLOSE.final);
    expect(client.statuses()).toEqual(["PENDING", "CONFIRMING", "EXPIRED"]);
  });

  it("refuses an unknown or malformed capability", async () => {
    const { url } = await startInstance();
    expect(await subscribe(url, "7QW2M4XK9ZB3N8R5T1V6C0HJDP").closed).toBe(CLOSE.unknownOrder);
    expect(await subscribe(url, "not an order").closed).toBe(CLOSE.unknownOrder);
    const garbage = new WebSocket(url);
    garbage.on("open", () => garbage.send("hello"));
    expect(await new Promise((resolve) => garbage.on("close", resolve))).toBe(CLOSE.badRequest);
  });

  it("checks QBitFlow itself while someone watches, stops once paid, and closes once the refund is answered", async () => {
    const { url, live } = await startInstance({ checkIntervalMs: 300 });
    const order = await openOrder();
    const client = subscribe(url, order.id);
    await expect.poll(() => live.stats().activeChecks).toBe(1);

    // No webhook reaches the app in these tests: only the active check can learn of this.
    await wallet.complete(order.sessionId);

    await expect.poll(() => client.statuses().at(-1)).toBe("PAID");
    await expect.poll(() => live.stats().activeChecks).toBe(0);
    // Paid is not settled: the merchant may refund it, or the customer ask, while the page is open.
    expect(live.stats()).toMatchObject({ subscribers: 1, orders: 1 });

    await applyOrderEvent(
      order.id,
      {
        type: "refund_completed",
        refundId: "refund@live",
        initiatedBy: "merchant",
        percent: "100",
        amountUsd: "1.2",
        reason: null,
        merchantMessage: null,
        at: null,
        txHash: null,
        explorerUrl: null,
      },
      { source: "webhook" },
    );

    expect(await client.closed).toBe(CLOSE.final);
    expect(client.refunds().at(-1)).toBe("REFUNDED");
    await expect.poll(() => live.stats()).toEqual({ subscribers: 0, orders: 0, activeChecks: 0 });
  });
});

describe.skipIf(getEnv().LIVE_BUS !== "postgres")("two app instances on one PostgreSQL", () => {
  it("a change applied through instance A reaches a subscriber of instance B", async () => {
    const a = await startInstance({ checkIntervalMs: 60_000 });
    const b = await startInstance({ checkIntervalMs: 60_000 });
    const order = await openOrder();
    const onB = subscribe(b.url, order.id);
    await expect.poll(onB.statuses).toEqual(["PENDING"]);
    expect(a.live.stats().subscribers).toBe(0);

    // NOTIFY is sent in the transaction: every instance LISTENing hears it after the commit.
    await applyOrderEvent(order.id, { type: "payment_sent", txHash: "0xdef" }, { source: "webhook" });

    await expect.poll(onB.statuses).toEqual(["PENDING", "CONFIRMING"]);
    onB.socket.close();
  });
});
