/**
 * The hosted page without JavaScript (issue 13, item 13): everything is in the HTML the server
 * sends (merchant, amount, summary, currencies, quote), and Pay / Fail / Cancel are real forms
 * that work by plain POST and redirect. Also: one log line per payment event, not per request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "./server";
import { apiClient, createSession, startTestSandbox, waitFor, type Call } from "./test/helpers";

let sandbox: RunningSandbox;
let call: Call;
const logged: string[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox({
    confirmationDelayMs: 300_000, // 0.3 s
    organizationName: "Northwind Supply",
    log: (line) => logged.push(line),
  });
  call = apiClient(sandbox.url);
});
afterAll(() => sandbox.close());

const page = async (uuid: string, query = "") =>
  (await fetch(`${sandbox.url}/checkout/${uuid}${query}`)).text();

/** What a browser without JavaScript sends when a form is submitted. */
const submit = (uuid: string, action: string, fields: Record<string, string> = {}) =>
  fetch(`${sandbox.url}/checkout/${encodeURIComponent(uuid)}/actions/${action}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });

/** The markup of the element with this id (up to its first closing tag), for visibility checks. */
const openTag = (html: string, id: string) => new RegExp(`<[^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? "";

describe("the hosted page without JavaScript", () => {
  it("renders the merchant, amount, summary, currencies and quote in the HTML", async () => {
    const uuid = await createSession(call, { fees: { items: [{ label: "Shipping", amountUsd: 0.5 }] } });
    const html = await page(uuid);
    expect(html).toContain('<p class="merchant">Northwind Supply</p>');
    expect(html).not.toContain("Sandbox Shop");
    expect(html).toMatch(/<h1 id="product-name">Pro plan \(lifetime\)<\/h1>/);
    expect(html).toMatch(/<div class="amount" id="amount" aria-label="Amount due">\$5\.00<\/div>/);
    expect(html).toMatch(/<li><span>Shipping<\/span><span>\$0\.50<\/span><\/li>/);
    expect(html).toContain('<option value="8" selected>USDC on Base</option>');
    expect(html).toContain('<option value="9">USDC on Solana</option>');
    expect(html).toMatch(/<p class="quote" id="quote">You pay 5(\.0+)? USDC plus the network fee<\/p>/);
    expect(html).toContain(`<form method="post" action="/checkout/${uuid}/actions/pay"`);
    expect(html).toContain(`formaction="/checkout/${uuid}/actions/fail"`);
    expect(html).toContain(`<form method="post" action="/checkout/${uuid}/actions/cancel"`);
    expect(html).toMatch(/<select id="currency" name="currencyId">/);
    expect(html).toMatch(/<select id="failure-code" name="code">/);
  });

  it("Pay by form: 303 back to the page, which waits (refreshing) and then shows the way back", async () => {
    const uuid = await createSession(call);
    const res = await submit(uuid, "pay", { currencyId: "9", code: "insufficient_funds" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/checkout/${uuid}`);
    const waiting = await page(uuid);
    expect(openTag(waiting, "waiting-view")).not.toContain("hidden");
    expect(openTag(waiting, "open-view")).toContain("hidden");
    expect(waiting).toContain("Paying with USDC on Solana");
    expect(waiting).toMatch(/<noscript><meta http-equiv="refresh" content="2"><\/noscript>/);

    await waitFor("completed", async () =>
      (await page(uuid)).includes('id="done-view" class="state ok">') ? 1 : 0,
    );
    const done = await page(uuid);
    const back = `http://localhost:3000/thanks?session=${uuid}&amp;type=payment`;
    expect(done).toContain(`<a id="continue" href="${back}">Return to Northwind Supply</a>`);
  });

  it("Fail attempt by form: the page shows the failure and can be paid again", async () => {
    const uuid = await createSession(call);
    const res = await submit(uuid, "fail", { currencyId: "8", code: "token_not_approved" });
    expect(res.status).toBe(303);
    const html = await page(uuid);
    expect(openTag(html, "last-attempt")).not.toContain("hidden");
    expect(html).toContain("Your last attempt failed (token_not_approved)");
    expect(openTag(html, "open-view")).not.toContain("hidden");
  });

  it("Cancel by form: 303 to the shop's cancelUrl; without one, the page says cancelled", async () => {
    const uuid = await createSession(call);
    const res = await submit(uuid, "cancel");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`http://localhost:3000/cart?session=${uuid}`);
    const noUrl = await createSession(call, { cancelUrl: undefined });
    const stay = await submit(noUrl, "cancel");
    expect(stay.headers.get("location")).toBe(`/checkout/${noUrl}?cancelled=1`);
    expect(openTag(await page(noUrl, "?cancelled=1"), "cancelled-view")).not.toContain("hidden");
  });

  it("a refused action answers the page with the reason, not JSON", async () => {
    const uuid = await createSession(call);
    await submit(uuid, "pay", { currencyId: "8" });
    const again = await submit(uuid, "pay", { currencyId: "8" });
    expect(again.status).toBe(409);
    expect(again.headers.get("content-type")).toContain("text/html");
    const html = await again.text();
    expect(html).toMatch(/<div id="error" class="notice error" role="alert">[^<]*already sent/);
  });

  it("logs one line per payment event, not one per request", async () => {
    logged.length = 0;
    const uuid = await createSession(call, { reference: "order-log-1" });
    await page(uuid);
    await call("GET", `/v2/transaction/session-checkout/${uuid}/status`);
    await submit(uuid, "fail", { code: "reverted" });
    await submit(uuid, "pay", { currencyId: "8" });
    await waitFor("completed", () =>
      logged.find((line) => line.includes(uuid) && line.includes("payment completed")),
    );
    const mine = logged.filter((line) => line.includes(uuid));
    expect(mine).toEqual([
      expect.stringMatching(/checkout created for order-log-1: \$4\.50/),
      expect.stringMatching(/attempt failed: reverted/),
      expect.stringMatching(/transaction sent with USDC on Base/),
      expect.stringMatching(/payment completed: \$4\.50 received/),
    ]);
    expect(logged.filter((line) => /^(GET|POST) /.test(line))).toEqual([]);
  });
});
