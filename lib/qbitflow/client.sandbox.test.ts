// Contract test: our client, signature verifier and event parser against the local QBitFlow
// sandbox (sandbox/server.ts), over real HTTP. If the two sides ever disagree about the wire
// format, this is where it shows.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_DEFAULT_API_KEY } from "@/sandbox/defaults";
import { startSandbox, type RunningSandbox } from "@/sandbox/server";
import { createQBitFlowClient, type QBitFlowClient } from "./client";
import { QBitFlowError } from "./errors";
import { parseWebhookEvent, type WebhookEvent } from "./webhook-event";
import { verifyWebhookSignature } from "./webhook-signature";

const SECRET = "whsec_contract_test";

let sandbox: RunningSandbox;
let client: QBitFlowClient;
let receiver: Server;
const received: WebhookEvent[] = [];

beforeAll(async () => {
  // Receives the sandbox's webhooks and runs them through our own verifier and parser.
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const rawBody = Buffer.concat(chunks);
      const header = req.headers["qbitflow-signature"];
      const verified = verifyWebhookSignature({ header: String(header ?? ""), rawBody, secrets: [SECRET] });
      const parsed = parseWebhookEvent(rawBody);
      if (verified.ok && parsed.ok) received.push(parsed.event);
      res.writeHead(verified.ok && parsed.ok ? 200 : 400).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const { port } = receiver.address() as AddressInfo;
  sandbox = await startSandbox({
    port: 0,
    stateFile: null,
    timeScale: 0.001,
    apiKey: SANDBOX_DEFAULT_API_KEY,
    webhookEndpoints: [{ url: `http://127.0.0.1:${port}/webhook`, secret: SECRET }],
  });
  client = createQBitFlowClient({
    baseUrl: `${sandbox.url}/v2`,
    apiKey: sandbox.apiKey,
    sleep: async () => {},
  });
});

afterAll(async () => {
  await sandbox?.close();
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function caught(promise: Promise<unknown>): Promise<QBitFlowError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof QBitFlowError)) throw new Error(`expected a QBitFlowError, got ${String(error)}`);
  return error;
}

async function eventually<T>(find: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("timed out waiting");
}

const control = (path: string, body: unknown = {}) =>
  fetch(`${sandbox.url}/sandbox${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  }).then((response) => expect(response.status).toBe(200));

const inline = (reference: string, priceCents = 499) => ({
  productName: "Contract test",
  priceCents,
  reference,
  successUrl: "http://localhost:3000/checkout/success?session={{UUID}}",
});

describe("QBitFlow client against the sandbox", () => {
  it("describes a test key", async () => {
    await expect(client.getMe()).resolves.toMatchObject({ test: true, credential: "apiKey" });
  });

  it("creates a session and reads its status", async () => {
    const session = await client.createPaymentSession(inline("contract-1"), {
      idempotencyKey: "checkout-contract-1",
    });
    expect(session.id).toMatch(/^pay@/);
    expect(session.link.startsWith(sandbox.url)).toBe(true);
    expect(session.expiresAt?.getTime()).toBeGreaterThan(Date.now());
    await expect(client.getSessionStatus(session.id)).resolves.toMatchObject({
      id: session.id,
      status: "created",
      lastAttempt: null,
    });
  });

  it("replays an idempotent create with the same uuid", async () => {
    const options = { idempotencyKey: "checkout-contract-2" };
    const first = await client.createPaymentSession(inline("contract-2"), options);
    const again = await client.createPaymentSession(inline("contract-2"), options);
    expect(again.id).toBe(first.id);
    const reused = await caught(client.createPaymentSession(inline("contract-2", 300), options));
    expect(reused).toMatchObject({ status: 422, code: "idempotency_key_reused" });
  });

  it("maps field errors, the test-mode cap and a taken reference", async () => {
    const invalid = await caught(
      client.createPaymentSession({ ...inline("contract-3"), productName: "x" }, { idempotencyKey: "k-3a" }),
    );
    expect(invalid).toMatchObject({ status: 400, code: "validation_failed", retryable: false });
    expect(invalid.fieldErrors.map((error) => error.field)).toContain("productName");
    expect(invalid.requestId).toBeTruthy();

    const tooMuch = await caught(
      client.createPaymentSession(inline("contract-3", 501), { idempotencyKey: "k-3b" }),
    );
    expect(tooMuch).toMatchObject({ status: 400, code: "validation_failed", details: { max: 5 } });

    await client.createPaymentSession(inline("contract-3"), { idempotencyKey: "k-3c" });
    const taken = await caught(client.createPaymentSession(inline("contract-3"), { idempotencyKey: "k-3d" }));
    expect(taken).toMatchObject({ status: 409, code: "unique_violation" });
  });

  it("expires a session, and a checkout.expired webhook verifies and parses", async () => {
    const session = await client.createPaymentSession(inline("contract-4"), { idempotencyKey: "k-4" });
    await expect(client.expireSession(session.id)).resolves.toMatchObject({ status: "expired" });
    const event = await eventually(() =>
      received.find((e) => e.type === "checkout.expired" && e.data.id === session.id),
    );
    expect(event).toMatchObject({
      test: true,
      data: { reference: "contract-4", txType: "payment", amountUsd: 4.99 },
    });
  });

  it("reads a completed payment by id and reference, and its webhook", async () => {
    const session = await client.createPaymentSession(inline("contract-5"), { idempotencyKey: "k-5" });
    await control(`/sessions/${session.id}/complete`, { skipConfirmation: true });
    await expect(client.getSessionStatus(session.id)).resolves.toMatchObject({ status: "completed" });
    const payment = await client.getPayment(session.id);
    expect(payment).toMatchObject({ id: session.id, reference: "contract-5", amountCents: 499, test: true });
    expect(payment.confirmedAt).toBeInstanceOf(Date);
    await expect(client.getPaymentByReference("contract-5")).resolves.toEqual(payment);
    const event = await eventually(() =>
      received.find((e) => e.type === "payment.completed" && e.data.id === session.id),
    );
    expect(event).toMatchObject({ data: { reference: "contract-5", amountCents: 499, test: true } });
  });

  it("maps unknown ids and references", async () => {
    await expect(client.getPaymentByReference("contract-nope")).resolves.toBeNull();
    const missing = await caught(client.getSessionStatus("pay@01a0f22f-9600-7000-8000-00000000ffff"));
    expect(missing).toMatchObject({ status: 404, code: "not_found" });
  });
});
