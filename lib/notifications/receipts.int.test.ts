// Receipts end to end against a real database, the sandbox and the local mailbox: a payment made
// in the sandbox's wallet reaches the order by its webhook, and the outbox's dispatcher sends
// exactly one receipt, even when SMTP is down for a while or a dispatcher dies after claiming it.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { startCheckout } from "@/lib/orders/start-checkout";
import { createDispatcher } from "@/lib/outbox/dispatcher";
import { claimDueJobs } from "@/lib/outbox/queue";
import { createTestProduct, deleteTestProducts } from "@/lib/test/fixtures";
import { messagesForJob, setMailboxDown } from "@/lib/test/mailbox";
import { wallet } from "@/lib/test/sandbox-control";
import { delivery, sign, TEST_SECRET } from "@/lib/test/webhooks";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";
import { jobHandlers } from "./index";

const productIds: string[] = [];
afterAll(async () => {
  await setMailboxDown(false);
  await deleteTestProducts(productIds);
  await db.$disconnect();
});

/** An order with an email, paid in the sandbox, its webhook received: its jobs are committed. */
async function paidOrder(email: string | null = "ann@example.com") {
  const product = await createTestProduct({ priceCents: 123, stock: 10, name: "Field notebook" });
  productIds.push(product.id);
  const started = await startCheckout({
    lines: [{ variantId: product.variantId, quantity: 2 }],
    email: email ?? undefined,
  });
  if (!started.ok) throw new Error(started.message);
  const { qbitflowSessionId } = await db.order.findUniqueOrThrow({ where: { id: started.orderId } });
  await wallet.complete(qbitflowSessionId!);
  const body = await sentEvent(qbitflowSessionId!);
  expect((await receiveWebhook(delivery(body, sign(body)), { secrets: [TEST_SECRET] })).status).toBe(200);
  return db.order.findUniqueOrThrow({ where: { id: started.orderId } });
}

async function sentEvent(sessionId: string): Promise<string> {
  const env = getEnv();
  const response = await fetch(`${env.QBITFLOW_API_URL}/webhooks/events?type=payment.completed&limit=100`, {
    headers: { "x-api-key": env.QBITFLOW_API_KEY ?? "" },
  });
  const { items } = (await response.json()) as { items: { data: { uuid: string } }[] };
  const event = items.find((item) => item.data.uuid === sessionId);
  if (!event) throw new Error(`no payment.completed for ${sessionId}`);
  return JSON.stringify(event);
}

const dispatcherFor = (orderId: string) =>
  createDispatcher({ handlers: jobHandlers, orderIds: [orderId], retryDelay: () => 0, log: () => {} });
const jobOf = (key: string) => db.outboxJob.findUniqueOrThrow({ where: { key } });

describe("a paid order's receipt", () => {
  it("is sent once, with the total and the transaction, and the merchant hears of it", async () => {
    const order = await paidOrder();
    const dispatcher = dispatcherFor(order.id);

    expect(await dispatcher.runDue()).toMatchObject({ done: 3, dead: 0 });
    await dispatcher.runDue(); // nothing is due any more: nothing is sent again

    const receipts = await messagesForJob(`receipt:${order.id}`);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.to).toEqual(["ann@example.com"]);
    expect(receipts[0]!.text).toContain("$2.46");
    expect(receipts[0]!.text).toContain(order.txHash!);
    expect(receipts[0]!.html).toContain(`/orders/${order.id}`);
    const notices = await messagesForJob(`merchant-paid:${order.id}`);
    expect(notices.map((m) => m.to)).toEqual([[getEnv().MERCHANT_EMAIL]]);
    expect((await jobOf(`receipt:${order.id}`)).outcome).toMatch(/^sent to ann@example.com as <receipt\./);
  });

  it("is skipped, not failed, when the customer gave no email", async () => {
    const order = await paidOrder(null);
    await dispatcherFor(order.id).runDue();
    expect(await jobOf(`receipt:${order.id}`)).toMatchObject({
      state: "DONE",
      outcome: "skipped: the customer gave no email",
    });
  });

  it("waits while SMTP is down, with the reason for the admin, and is delivered once it returns", async () => {
    const order = await paidOrder("bob@example.com");
    await setMailboxDown(true);
    const dispatcher = dispatcherFor(order.id);
    try {
      expect(await dispatcher.runDue({ budgetMs: 0 })).toEqual({ done: 0, retrying: 0, dead: 0 }); // budget spent
      const report = await dispatcher.runDue({ budgetMs: 1 });
      expect(report.retrying).toBeGreaterThan(0);
      const waiting = await jobOf(`receipt:${order.id}`);
      expect(waiting.state).toBe("PENDING");
      expect(waiting.lastError).toMatch(/421/);
    } finally {
      await setMailboxDown(false);
    }
    await dispatcher.runDue();
    expect(await messagesForJob(`receipt:${order.id}`)).toHaveLength(1);
    expect(await jobOf(`receipt:${order.id}`)).toMatchObject({ state: "DONE", attempts: 2 });
  });

  it("is sent exactly once after its dispatcher died between claiming and sending (kill -9)", async () => {
    const order = await paidOrder("cy@example.com");
    const claimed = await claimDueJobs("killed:1", { kinds: ["receipt"], orderIds: [order.id] }, 1, 200);
    expect(claimed.map((job) => job.key)).toEqual([`receipt:${order.id}`]);

    await new Promise((resolve) => setTimeout(resolve, 300)); // its lease runs out
    await dispatcherFor(order.id).runDue();

    expect(await messagesForJob(`receipt:${order.id}`)).toHaveLength(1);
  });
});
