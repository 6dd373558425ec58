// The shipped fulfilment example: a POST to the merchant's endpoint, signed the Standard Webhooks
// way, with the job's key as webhook-id; a refusal throws (the outbox retries it).
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { MailOrder } from "@/lib/mail/order-for-mail";

const endpoint = vi.hoisted(() => ({
  url: "",
  status: 200,
  received: [] as { headers: IncomingMessage["headers"]; body: string }[],
}));
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
vi.mock("@/lib/env", () => ({
  getEnv: () => ({ FULFILMENT_WEBHOOK_URL: endpoint.url || undefined, FULFILMENT_WEBHOOK_SECRET: SECRET }),
}));
const { onOrderPaid } = await import("./on-order-paid");

const server = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk: Buffer) => (body += chunk.toString()));
  request.on("end", () => {
    endpoint.received.push({ headers: request.headers, body });
    response.writeHead(endpoint.status).end(endpoint.status === 200 ? "ok" : "warehouse closed");
  });
});
beforeAll(() => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve)));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const order = {
  id: "ORD1",
  code: "ORD1-XX",
  email: "ann@example.com",
  totalCents: 500,
  items: [],
  txHash: "0xabc",
  paidAt: null,
} as unknown as MailOrder;
const context = () => ({ idempotencyKey: "fulfilment:ORD1", signal: AbortSignal.timeout(5_000) });

describe("onOrderPaid's example", () => {
  it("does nothing, and says so, without FULFILMENT_WEBHOOK_URL", async () => {
    expect(await onOrderPaid(order, context())).toBe("nothing to do: FULFILMENT_WEBHOOK_URL is not set");
  });

  it("posts the order, signed, with the job's key as webhook-id", async () => {
    endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/orders`;
    expect(await onOrderPaid(order, context())).toMatch(/^posted to 127\.0\.0\.1:\d+ \(200\)$/);
    const { headers, body } = endpoint.received.splice(0)[0]!;
    expect(headers["webhook-id"]).toBe("fulfilment:ORD1");
    const signed = `${headers["webhook-id"]}.${headers["webhook-timestamp"]}.${body}`;
    const expected = createHmac("sha256", Buffer.from(SECRET.slice(6), "base64"))
      .update(signed)
      .digest("base64");
    expect(headers["webhook-signature"]).toBe(`v1,${expected}`);
    expect(JSON.parse(body)).toMatchObject({
      type: "order.paid",
      data: { id: "ORD1", payment: { txHash: "0xabc" } },
    });
  });

  it("throws with the endpoint's answer when it refuses, so the job is retried", async () => {
    endpoint.status = 503;
    await expect(onOrderPaid(order, context())).rejects.toThrow(
      "the fulfilment endpoint answered 503: warehouse closed",
    );
  });
});
