// The going-live assistant against the local QBitFlow sandbox: registering is idempotent, and the
// doctor tells a merchant, in words, about a missing or disabled endpoint, a wrong secret and a
// failing delivery.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/sandbox/server";
import { createQBitFlowClient } from "@/lib/qbitflow/client";
import { createWebhooksApi } from "@/lib/qbitflow/webhooks-api";
import { runDoctor, type DoctorDeps } from "./doctor";
import { ensureWebhookEndpoint } from "./register-endpoint";
import type { Check, SetupConfig } from "./types";

let sandbox: RunningSandbox;
let shop: Server;
let answer = 200; // what the shop's webhook route answers
let config: SetupConfig;
let deps: DoctorDeps;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, stateFile: null, log: () => {} });
  shop = createServer((_request, response) => response.writeHead(answer).end());
  await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
  const options = { baseUrl: `${sandbox.url}/v2`, apiKey: sandbox.apiKey, maxRetries: 0 };
  config = {
    appUrl: `http://127.0.0.1:${(shop.address() as AddressInfo).port}`,
    apiUrl: options.baseUrl,
    apiKey: sandbox.apiKey,
    cronSecret: "a-cron-secret-of-16+",
    adminPassword: "an-admin-password",
    sweepIntervalMinutes: 5,
  };
  deps = {
    getMe: () => createQBitFlowClient(options).getMe(),
    webhooks: createWebhooksApi(options),
    database: async () => ({ reachable: true, applied: ["1_init"], unfinished: [], expected: ["1_init"] }),
  };
});

afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => shop.close(resolve));
});

const doctor = async (overrides: Partial<SetupConfig> = {}) => {
  const checks = await runDoctor({ ...config, ...overrides }, deps);
  return Object.fromEntries(checks.map((check) => [check.id, check])) as Record<string, Check>;
};

async function lastAttemptStatus(): Promise<number | null | undefined> {
  const state = (await (await fetch(`${sandbox.url}/sandbox/state`)).json()) as {
    events: { deliveries: { attempts: { statusCode: number | null }[] }[] }[];
  };
  return state.events.at(-1)?.deliveries.at(-1)?.attempts.at(-1)?.statusCode;
}

describe("the going-live assistant against the sandbox", () => {
  let secret = "";
  let endpointUuid = "";

  it("reports a missing endpoint, then registers it once (idempotent by URL) and shows the secret once", async () => {
    const before = await doctor();
    expect(before.key).toMatchObject({ status: "ok", detail: expect.stringContaining("a test key") });
    expect(before.endpoint).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("No webhook endpoint is registered"),
    });

    const first = await ensureWebhookEndpoint(deps.webhooks, config.appUrl, false);
    expect(first.created).toBe(true);
    if (!first.created) throw new Error("expected a new endpoint");
    secret = first.endpoint.secret;
    endpointUuid = first.endpoint.uuid;
    expect(secret).toMatch(/^whsec_/);

    const second = await ensureWebhookEndpoint(deps.webhooks, config.appUrl, false);
    expect(second).toMatchObject({ created: false, endpoint: { uuid: endpointUuid } });
    expect(second.endpoint).not.toHaveProperty("secret");
    expect((await deps.webhooks.listEndpoints()).filter((e) => e.url.startsWith(config.appUrl))).toHaveLength(
      1,
    );
  });

  it("says when the configured secret is not the endpoint's, and when it is", async () => {
    const wrong = await doctor({ webhookSecrets: ["whsec_not_the_right_one"] });
    expect(wrong["webhook-secret"]).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("does not match the endpoint's signing secret"),
    });
    const right = await doctor({ webhookSecrets: ["whsec_old_one", secret] });
    expect(right["webhook-secret"]).toMatchObject({ status: "ok" });
    const unset = await doctor();
    expect(unset["webhook-secret"]).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("is not set"),
    });
  });

  it("explains a failing delivery in the merchant's words", async () => {
    answer = 400;
    await fetch(`${sandbox.url}/sandbox/webhook-test`, {
      method: "POST",
      body: JSON.stringify({ endpointUuid }),
    });
    for (let i = 0; i < 50 && (await lastAttemptStatus()) !== 400; i++)
      await new Promise((r) => setTimeout(r, 100));
    const report = await doctor({ webhookSecrets: [secret] });
    expect(report.deliveries).toMatchObject({ status: "fail" });
    expect(report.deliveries!.detail).toContain("webhook.test");
    expect(report.deliveries!.detail).toContain("refused by your server (400): the signature did not verify");
    answer = 200;
  });

  it("reports a disabled endpoint and why", async () => {
    await fetch(`${sandbox.url}/v2/webhooks/endpoints/${endpointUuid}`, {
      method: "PUT",
      headers: { "X-API-Key": sandbox.apiKey, "Content-Type": "application/json" },
      body: JSON.stringify({ enabled: false }),
    });
    const report = await doctor({ webhookSecrets: [secret] });
    expect(report.endpoint).toMatchObject({
      status: "fail",
      detail: expect.stringMatching(/is disabled by someone on your team/),
    });
  });

  it("refuses to register a live key's endpoint on plain http", async () => {
    await expect(ensureWebhookEndpoint(deps.webhooks, "http://shop.example.com", true)).rejects.toThrow(
      /needs an https APP_URL/,
    );
  });
});
