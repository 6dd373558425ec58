/** Status, expire, expiry, payment reads and the control API's session actions (spec §2.3, §3). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "./server";
import {
  apiClient,
  control,
  createSession,
  LIVE_KEY,
  startReceiver,
  startTestSandbox,
  waitFor,
  type Call,
  type Dict,
  type ErrorBody,
  type Receiver,
} from "./test/helpers";
import { SANDBOX_DEFAULT_WEBHOOK_SECRET } from "./defaults";

interface Status {
  uuid: string;
  status: string;
  txHash?: string;
  message?: string;
  lastAttempt?: { status: string; code: string; message: string; txHash?: string; at: string };
}

let sandbox: RunningSandbox;
let call: Call;
let receiver: Receiver;
const status = async (uuid: string) =>
  (await call<Status>("GET", `/v2/transaction/session-checkout/${uuid}/status`)).body;

beforeAll(async () => {
  receiver = await startReceiver([SANDBOX_DEFAULT_WEBHOOK_SECRET]);
  // Confirmation: 5 s sandbox time × 0.001 = 5 ms; make it visible with 300 s → 300 ms.
  sandbox = await startTestSandbox({
    confirmationDelayMs: 300_000,
    webhookEndpoints: [{ url: receiver.url, secret: SANDBOX_DEFAULT_WEBHOOK_SECRET }],
  });
  call = apiClient(sandbox.url);
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

describe("status", () => {
  it("starts created, without txHash or lastAttempt", async () => {
    const uuid = await createSession(call);
    expect(await status(uuid)).toEqual({ uuid, status: "created" });
  });

  it("is 404 for an unknown id and for another mode's session", async () => {
    const res = await call<ErrorBody>(
      "GET",
      "/v2/transaction/session-checkout/pay@00000000-0000-4000-8000-000000000000/status",
    );
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("not_found");
    const uuid = await createSession(call);
    expect(
      (await apiClient(sandbox.url, LIVE_KEY)("GET", `/v2/transaction/session-checkout/${uuid}/status`))
        .status,
    ).toBe(404);
  });

  it("goes created → waitingConfirmation (txHash) → completed on pay", async () => {
    const uuid = await createSession(call, { reference: `pay-${crypto.randomUUID()}` });
    await control(sandbox, "POST", `/sandbox/sessions/${uuid}/pay`, { currencyId: 1 });
    const waiting = await status(uuid);
    expect(waiting.status).toBe("waitingConfirmation");
    expect(waiting.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    const done = await waitFor("completed", async () =>
      (await status(uuid)).status === "completed" ? status(uuid) : null,
    );
    expect(done.txHash).toBe(waiting.txHash);
  });
});

describe("failed attempts", () => {
  it("sets lastAttempt and stays created; the customer can retry", async () => {
    const uuid = await createSession(call);
    for (const code of ["insufficient_funds", "token_not_approved", "reverted"]) {
      const res = await control(sandbox, "POST", `/sandbox/sessions/${uuid}/fail`, { code });
      expect(res.status).toBe(200);
      const s = await status(uuid);
      expect(s.status).toBe("created");
      expect(s.lastAttempt).toMatchObject({
        status: "failed",
        code,
        message: expect.any(String),
        at: expect.any(String),
      });
    }
    expect((await status(uuid)).lastAttempt?.txHash).toMatch(/^0x/); // reverted: a tx was mined
    await control(sandbox, "POST", `/sandbox/sessions/${uuid}/complete`, { skipConfirmation: true });
    expect((await status(uuid)).status).toBe("completed");
  });

  it("a reverted transaction while confirming goes back to created", async () => {
    const uuid = await createSession(call);
    await control(sandbox, "POST", `/sandbox/sessions/${uuid}/pay`, {});
    const sent = (await status(uuid)).txHash;
    await control(sandbox, "POST", `/sandbox/sessions/${uuid}/fail`, { code: "reverted" });
    const s = await status(uuid);
    expect(s).toMatchObject({ status: "created", lastAttempt: { code: "reverted", txHash: sent } });
    expect(s.txHash).toBeUndefined();
  });
});

describe("expire", () => {
  it("expires an open session, answers the status, and sends checkout.expired", async () => {
    const uuid = await createSession(call, { reference: `exp-${crypto.randomUUID()}` });
    const res = await call<Status>("POST", `/v2/transaction/session-checkout/${uuid}/expire`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ uuid, status: "expired" });
    const event = await waitFor("checkout.expired", () =>
      receiver.received.find((r) => r.event.type === "checkout.expired" && r.event.data.uuid === uuid),
    );
    expect(event.event.data).toMatchObject({
      uuid,
      txType: "payment",
      productName: "Pro plan (lifetime)",
      price: 4.5,
      test: true,
      organizationName: "Sandbox Shop",
      availableCurrencyIds: expect.any(Array),
      expiresAt: expect.any(String),
    });
    // Expiring again is harmless.
    expect((await call("POST", `/v2/transaction/session-checkout/${uuid}/expire`)).status).toBe(200);
  });

  it("answers 409 tx_already_sent once the customer is paying or has paid", async () => {
    const uuid = await createSession(call);
    await control(sandbox, "POST", `/sandbox/sessions/${uuid}/pay`, {});
    const paying = await call<ErrorBody>("POST", `/v2/transaction/session-checkout/${uuid}/expire`);
    expect(paying.status).toBe(409);
    expect(paying.body.code).toBe("tx_already_sent");
    await control(sandbox, "POST", `/sandbox/sessions/${uuid}/complete`, {});
    expect((await call<ErrorBody>("POST", `/v2/transaction/session-checkout/${uuid}/expire`)).body.code).toBe(
      "tx_already_sent",
    );
  });

  it("expires on its own at expiresAt (10 min × 0.001 = 0.6 s) and sends checkout.expired", async () => {
    const res = await call<{ uuid: string; expiresAt: string }>(
      "POST",
      "/v2/transaction/session-checkout/new/payment",
      { productName: "Short", price: 1, expiresInMinutes: 10 },
    );
    const uuid = res.body.uuid;
    const s = await waitFor(
      "auto expiry",
      async () => ((await status(uuid)).status === "expired" ? status(uuid) : null),
      3_000,
    );
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(res.body.expiresAt));
    expect(s.message).toEqual(expect.any(String));
    await waitFor("checkout.expired event", () =>
      receiver.received.find((r) => r.event.type === "checkout.expired" && r.event.data.uuid === uuid),
    );
    const pay = await control<ErrorBody>(sandbox, "POST", `/sandbox/sessions/${uuid}/pay`, {});
    expect(pay.status).toBe(409);
  });
});

describe("payments", () => {
  it("reads the payment by id (pay@ or bare uuid) and by reference once completed", async () => {
    const reference = `order-${crypto.randomUUID()}`;
    const uuid = await createSession(call, { reference, customerReference: "crm-5521" });
    expect((await call("GET", `/v2/transaction/payment/${uuid}`)).status).toBe(404);
    expect((await call("GET", `/v2/transaction/payment/reference/${reference}`)).status).toBe(404);
    await control(sandbox, "POST", `/sandbox/sessions/${uuid}/complete`, { currencyId: 8 });
    const byId = await call<Dict>("GET", `/v2/transaction/payment/${uuid}`);
    expect(byId.status).toBe(200);
    expect(byId.body).toMatchObject({
      uuid,
      reference,
      customerReference: "crm-5521",
      amount: 4.5,
      chain: "BASE",
      currencyId: 8,
      test: true,
      currency: { symbol: "USDC", decimals: 6, mainCurrency: { id: 3 } },
      amountMinUnits: "4500000",
      paidUsd: 4.5042,
      refundable: true,
      customer: null,
      refund: null,
      metadata: { feePercent: 1.5, txAmounts: { usd: { platform: 0.0675, merchant: 4.4325 } } },
    });
    expect(byId.body.explorerUrl).toMatch(/^https:\/\/sepolia\.basescan\.org\/tx\/0x[0-9a-f]{64}$/);
    expect((await call("GET", `/v2/transaction/payment/${uuid.slice(4)}`)).body).toEqual(byId.body);
    expect((await call("GET", `/v2/transaction/payment/reference/${reference}`)).body).toEqual(byId.body);
    expect((await apiClient(sandbox.url, LIVE_KEY)("GET", `/v2/transaction/payment/${uuid}`)).status).toBe(
      404,
    );
  });

  // Spec §12: `amount` is what was received (network fee excluded), `paidUsd` that plus the fee.
  it.each([
    ["an under-payment", 3, 3.0009, "3000000"],
    ["an over-payment", 50, 50.0009, "50000000"],
  ])("simulates %s with amountUsd: amount is what was received", async (_name, usd, paidUsd, units) => {
    const uuid = await createSession(call);
    const res = await control<{ payment: Dict }>(sandbox, "POST", `/sandbox/sessions/${uuid}/complete`, {
      amountUsd: usd,
      skipConfirmation: true,
      currencyId: 9,
    });
    expect(res.body.payment).toMatchObject({ amount: usd, amountMinUnits: units, paidUsd, chain: "SOL" });
    expect(String(res.body.payment.explorerUrl)).toContain("cluster=devnet");
    const read = await call<Dict>("GET", `/v2/transaction/payment/${uuid}`);
    expect(read.body).toMatchObject({ amount: usd, paidUsd });
  });

  it("sends payment.completed with the Payment fields and managementPageLink", async () => {
    const reference = `evt-${crypto.randomUUID()}`;
    const uuid = await createSession(call, { reference });
    await control(sandbox, "POST", `/sandbox/sessions/${uuid}/complete`, { skipConfirmation: true });
    const got = await waitFor("payment.completed", () =>
      receiver.received.find((r) => r.event.type === "payment.completed" && r.event.data.uuid === uuid),
    );
    expect(got.verification).toBe("ok");
    expect(got.event).toMatchObject({
      id: expect.stringMatching(/^evt_[0-9a-f-]{36}$/),
      version: "v2",
      test: true,
    });
    for (const field of [
      "uuid",
      "createdAt",
      "confirmedAt",
      "checkoutOpenedAt",
      "from",
      "to",
      "name",
      "description",
      "amount",
      "amountMinUnits",
      "paidMinUnits",
      "paidUsd",
      "currencyId",
      "currency",
      "chain",
      "txHash",
      "explorerUrl",
      "reference",
      "test",
      "metadata",
      "managementPageLink",
    ]) {
      expect(got.event.data, field).toHaveProperty(field);
    }
    for (const apiOnly of ["customer", "refund", "refundable", "notRefundableReason"])
      expect(got.event.data).not.toHaveProperty(apiOnly);
  });
});
