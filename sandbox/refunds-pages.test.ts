/**
 * The customer's invoice page with its Request a refund form (works without JavaScript), and the
 * dashboard's refunds table that carries the merchant's Sign refund / Deny buttons.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_DEFAULT_WEBHOOK_SECRET } from "./defaults";
import type { RunningSandbox } from "./server";
import {
  apiClient,
  control,
  createSession,
  startReceiver,
  startTestSandbox,
  waitFor,
  type Call,
  type Dict,
  type Receiver,
} from "./test/helpers";
import { initiate, paidPayment, refundAction, type RefundBody } from "./test/refund-helpers";

let sandbox: RunningSandbox;
let call: Call;
let receiver: Receiver;
const logged: string[] = [];

beforeAll(async () => {
  receiver = await startReceiver([SANDBOX_DEFAULT_WEBHOOK_SECRET]);
  sandbox = await startTestSandbox({
    organizationName: "Northwind Supply",
    webhookEndpoints: [{ url: receiver.url, secret: SANDBOX_DEFAULT_WEBHOOK_SECRET }],
    log: (line) => logged.push(line),
  });
  call = apiClient(sandbox.url);
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

const invoice = async (uuid: string) => {
  const res = await fetch(`${sandbox.url}/checkout/${encodeURIComponent(uuid)}/invoice`);
  return { status: res.status, html: await res.text() };
};

/** What a browser without JavaScript sends when the form is submitted. */
const requestRefund = (uuid: string, reason: string) =>
  fetch(`${sandbox.url}/checkout/${encodeURIComponent(uuid)}/actions/request-refund`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
    body: new URLSearchParams({ reason }).toString(),
    redirect: "manual",
  });

describe("the invoice page", () => {
  it("is where managementPageLink points, and links from the paid checkout page", async () => {
    const uuid = await paidPayment(sandbox, call);
    const event = await waitFor("payment.completed", () =>
      receiver.received.find((r) => r.event.type === "payment.completed" && r.event.data.uuid === uuid),
    );
    expect(event.event.data.managementPageLink).toBe(`${sandbox.url}/checkout/${uuid}/invoice`);
    const checkout = await (await fetch(`${sandbox.url}/checkout/${uuid}`)).text();
    expect(checkout).toContain(`href="/checkout/${uuid}/invoice"`);
  });

  it("lets the customer request a refund with a plain form post", async () => {
    const uuid = await paidPayment(sandbox, call);
    const before = await invoice(uuid);
    expect(before.status).toBe(200);
    expect(before.html).toContain("Northwind Supply");
    expect(before.html).toMatch(
      /<button type="submit" class="primary" id="request-refund">Request a refund<\/button>/,
    );
    expect(before.html).toContain(`action="/checkout/${uuid}/actions/request-refund"`);

    const res = await requestRefund(uuid, "It arrived broken");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/checkout/${uuid}/invoice`);
    const event = await waitFor("refund.requested", () =>
      receiver.received.find((r) => r.event.type === "refund.requested" && r.event.data.txUuid === uuid),
    );
    expect(event.verification).toBe("ok");
    expect(event.event.data).toMatchObject({
      initiatedBy: "customer",
      reason: "It arrived broken",
      status: "pending",
    });

    const after = await invoice(uuid);
    expect(after.html).not.toContain('id="request-refund"');
    expect(after.html).toContain("You requested a refund of $4.5042 (100 %)");
    expect(logged.some((line) => line.includes(uuid) && line.includes("requested by the customer"))).toBe(
      true,
    );
  });

  it("shows a refused request with its reason and status, keeping what was typed", async () => {
    const uuid = await paidPayment(sandbox, call);
    await initiate(call, {
      txUuid: uuid,
      refundPercent: 20,
      merchantMessage: "Partial refund for the delay",
    });
    const res = await requestRefund(uuid, "Please refund");
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("already has a refund");
    expect(html).toContain("Northwind Supply is refunding $0.90084 (20 %)");
    expect(html).toContain("Message from Northwind Supply: Partial refund for the delay");

    const tooLong = await requestRefund(await paidPayment(sandbox, call), "x".repeat(501));
    expect(tooLong.status).toBe(400);
    const tooLongHtml = await tooLong.text();
    expect(tooLongHtml).toContain("reason must be at most 500 characters");
    expect(tooLongHtml).toContain("x".repeat(501));
  });

  it("follows the refund to refunded or denied", async () => {
    const signed = await paidPayment(sandbox, call);
    const a = (await initiate(call, { txUuid: signed })).body;
    await refundAction(sandbox, "sign", a.uuid);
    const signedHtml = (await invoice(signed)).html;
    expect(signedHtml).toContain("Refunded $4.5042 (100 %)");
    expect(signedHtml).toContain("View the refund on the explorer");

    const denied = await paidPayment(sandbox, call);
    const b = (await initiate(call, { txUuid: denied })).body;
    await refundAction(sandbox, "deny", b.uuid, { merchantMessage: "Used item" });
    const deniedHtml = (await invoice(denied)).html;
    expect(deniedHtml).toContain("Your refund request was denied.");
    expect(deniedHtml).toContain("Message from Northwind Supply: Used item");
  });

  it("offers no refund for an unpaid checkout, or once held funds were released; 404 for an unknown one", async () => {
    const open = await createSession(call);
    const unpaid = await invoice(open);
    expect(unpaid.html).toContain("This checkout is not paid (created)");
    expect(unpaid.html).not.toContain('id="request-refund"');
    expect((await requestRefund(open, "")).status).toBe(409);

    const released = await paidPayment(sandbox, call);
    await control(sandbox, "POST", `/sandbox/payments/${released}/release-held-funds`);
    expect((await invoice(released)).html).toContain("can no longer be refunded (heldFundsReleased)");
    expect((await invoice("pay@00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("answers JSON with 201 {refund} for the page's script and API-style clients", async () => {
    const uuid = await paidPayment(sandbox, call);
    const res = await fetch(`${sandbox.url}/checkout/${uuid}/actions/request-refund`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ reason: "json" }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { refund: RefundBody };
    expect(body.refund).toMatchObject({ initiatedBy: "customer", reason: "json" });
  });
});

describe("the dashboard", () => {
  it("lists refunds with their payment reference in the state it renders, and has the buttons", async () => {
    const reference = `dash-${crypto.randomUUID()}`;
    const uuid = await paidPayment(sandbox, call, { session: { reference } });
    const refund = (await initiate(call, { txUuid: uuid, refundPercent: 50 })).body;
    const state = await control<{ refunds: Dict[] }>(sandbox, "GET", "/sandbox/state");
    expect(state.body.refunds[0]).toMatchObject({ uuid: refund.uuid, reference, status: "pending" });
    const html = await (await fetch(`${sandbox.url}/`)).text();
    expect(html).toContain('<h2 id="h-refunds">Refunds</h2>');
    expect(html).toContain('button("Sign refund", base + "/sign")');
    expect(html).toContain('button("Deny", base + "/deny")');
  });
});
