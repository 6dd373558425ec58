/** The hosted checkout page: markup, customer actions, its live WebSocket, redirects. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { RunningSandbox } from "./server";
import {
  apiClient,
  control,
  createSession,
  startTestSandbox,
  waitFor,
  type Call,
  type Dict,
} from "./test/helpers";

let sandbox: RunningSandbox;
let call: Call;

beforeAll(async () => {
  sandbox = await startTestSandbox({ confirmationDelayMs: 200_000 }); // 0.2 s
  call = apiClient(sandbox.url);
});
afterAll(() => sandbox.close());

const page = (uuid: string) => fetch(`${sandbox.url}/checkout/${uuid}`);
const action = (uuid: string, name: string, body: Dict = {}) =>
  control<{ session: Dict; redirectUrl?: string | null }>(
    sandbox,
    "POST",
    `/checkout/${encodeURIComponent(uuid)}/actions/${name}`,
    body,
  );

function openSocket(uuid: string): Promise<{ messages: Dict[]; ws: WebSocket }> {
  const ws = new WebSocket(`${sandbox.url.replace("http", "ws")}/checkout/${encodeURIComponent(uuid)}/ws`);
  const messages: Dict[] = [];
  ws.on("message", (data) => messages.push(JSON.parse(String(data)) as Dict));
  return new Promise((resolve, reject) => {
    ws.once("open", () => resolve({ messages, ws }));
    ws.once("error", reject);
  });
}

describe("hosted checkout page", () => {
  it("serves a self-contained page with the accessible controls the app's e2e tests use", async () => {
    const uuid = await createSession(call, { productName: "Pro plan (lifetime)" });
    const res = await page(uuid);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    // Submit buttons of real forms, so the page also works without JavaScript.
    expect(html).toContain('<button type="submit" class="primary" id="pay">Pay</button>');
    expect(html).toMatch(
      /<button type="submit" class="secondary" id="fail" formaction="[^"]+">Fail attempt<\/button>/,
    );
    expect(html).toContain('<button type="submit" class="link" id="cancel">Cancel</button>');
    expect(html).toContain('<label for="currency">Pay with</label>');
    expect(html).toContain('<label for="failure-code">Failure code</label>');
    for (const code of ["insufficient_funds", "token_not_approved", "reverted"])
      expect(html).toContain(`<option value="${code}">`);
    expect(html).toContain("Pro plan (lifetime)");
    // Nothing from the internet: no external scripts, styles, fonts or images.
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|url\(\s*['"]?https?:/i);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    // Opening the page records checkoutOpenedAt.
    const record = await control<{ checkoutOpenedAt: string | null }>(
      sandbox,
      "GET",
      `/sandbox/sessions/${uuid}`,
    );
    expect(record.body.checkoutOpenedAt).toEqual(expect.any(String));
  });

  it("escapes merchant-supplied text", async () => {
    const uuid = await createSession(call, { productName: "Tom & Jerry's", description: 'Ships & "fast"' });
    const html = await (await page(uuid)).text();
    expect(html).toContain("<title>Pay Sandbox Shop · Tom &amp; Jerry&#39;s · QBitFlow</title>");
    // Embedded JSON escapes &, < and > so no text can close the script element.
    expect(html).toContain('"description":"Ships \\u0026 \\"fast\\""');
  });

  it("answers 404 with a page for an unknown session", async () => {
    const res = await page("pay@00000000-0000-4000-8000-000000000000");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Checkout not found");
  });

  it("pushes every change over its WebSocket: failure, payment, confirmation, success redirect", async () => {
    const uuid = await createSession(call);
    const { messages, ws } = await openSocket(uuid);
    try {
      await waitFor("initial snapshot", () => messages[0]);
      expect(messages[0]).toMatchObject({
        type: "session",
        session: { uuid, status: "created", amount: 4.5, currencies: expect.any(Array) },
      });
      await action(uuid, "fail", { code: "insufficient_funds" });
      await waitFor("failure pushed", () => messages.find((m) => (m.session as Dict).lastAttempt));
      const paid = await action(uuid, "pay", { currencyId: 1 });
      expect(paid.body.session).toMatchObject({
        status: "waitingConfirmation",
        payingWith: "ETH on Ethereum",
        explorerUrl: expect.stringMatching(/^https:\/\/sepolia\.etherscan\.io\/tx\/0x/),
      });
      const done = await waitFor("completion pushed", () =>
        messages.find((m) => (m.session as Dict).status === "completed"),
      );
      expect((done.session as Dict).successRedirect).toBe(
        `http://localhost:3000/thanks?session=${uuid}&type=payment`,
      );
      const again = await action(uuid, "pay", {});
      expect(again.status).toBe(409);
    } finally {
      ws.close();
    }
  });

  it("cancel sends the customer to the substituted cancelUrl and leaves the session open", async () => {
    const uuid = await createSession(call);
    const res = await action(uuid, "cancel");
    expect(res.body.redirectUrl).toBe(`http://localhost:3000/cart?session=${uuid}`);
    expect(
      (await call<{ status: string }>("GET", `/v2/transaction/session-checkout/${uuid}/status`)).body.status,
    ).toBe("created");
    const noUrl = await createSession(call, { cancelUrl: undefined });
    expect((await action(noUrl, "cancel")).body.redirectUrl).toBeNull();
  });

  it("refuses a socket for an unknown session", async () => {
    await expect(openSocket("pay@00000000-0000-4000-8000-000000000000")).rejects.toThrow();
  });

  it("serves the dashboard at /", async () => {
    const res = await fetch(`${sandbox.url}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Events and deliveries");
    expect(html).toContain("Redeliver");
  });
});
