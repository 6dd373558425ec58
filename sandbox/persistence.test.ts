/** State survives a restart, and what was scheduled (expiry, confirmation, retries) resumes. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SandboxOptions } from "./server";
import {
  apiClient,
  control,
  createSession,
  startReceiver,
  startTestSandbox,
  waitFor,
  type Receiver,
} from "./test/helpers";

let dir: string;
let receiver: Receiver;
const SECRET = "whsec_persist_secret";

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "qbitflow-sandbox-"));
  receiver = await startReceiver([SECRET]);
});
afterEach(async () => {
  await receiver.close();
  await rm(dir, { recursive: true, force: true });
});

const options = (extra: SandboxOptions = {}): SandboxOptions => ({
  stateFile: join(dir, "nested", "state.json"),
  webhookEndpoints: [{ url: receiver.url, secret: SECRET }],
  ...extra,
});

describe("persistence", () => {
  it("keeps sessions, payments, events and endpoints across a restart, written atomically", async () => {
    const first = await startTestSandbox(options());
    const call = apiClient(first.url);
    const reference = `keep-${crypto.randomUUID()}`;
    const uuid = await createSession(call, { reference });
    await control(first, "POST", `/sandbox/sessions/${uuid}/complete`, { skipConfirmation: true });
    await waitFor("delivery", () => receiver.received[0]);
    await first.close();
    const saved = JSON.parse(await readFile(join(dir, "nested", "state.json"), "utf8")) as {
      version: number;
    };
    expect(saved.version).toBe(1);

    // Same url, new secret: the endpoint keeps its uuid and takes the new secret.
    const second = await startTestSandbox(
      options({ webhookEndpoints: [{ url: receiver.url, secret: "whsec_rotated_by_config" }] }),
    );
    try {
      expect(second.endpoints[0]?.uuid).toBe(first.endpoints[0]?.uuid);
      const again = apiClient(second.url);
      expect((await again("GET", `/v2/transaction/payment/reference/${reference}`)).status).toBe(200);
      expect((await again<Array<{ uuid: string }>>("GET", "/v2/webhooks/endpoints")).body).toHaveLength(1);
      const events = await again<{ items: Array<{ type: string }> }>("GET", "/v2/webhooks/events");
      expect(events.body.items.map((e) => e.type)).toEqual(["payment.completed"]);
      receiver.secrets.splice(0, 1, "whsec_rotated_by_config");
      await control(second, "POST", "/sandbox/webhook-test", {});
      const test = await waitFor("webhook.test", () =>
        receiver.received.find((r) => r.event.type === "webhook.test"),
      );
      expect(test.verification).toBe("ok");
    } finally {
      await second.close();
    }
  });

  it("resumes a scheduled retry after a restart, with the same event id", async () => {
    // Real-time schedule: first attempt now, the retry 400 ms later.
    const opts = options({ timeScale: 1, retryScheduleMs: [0, 400, 800] });
    receiver.respond((_r, index) => (index === 0 ? 500 : 200));
    const first = await startTestSandbox(opts);
    await control(first, "POST", "/sandbox/webhook-test", {});
    await waitFor("first attempt", () => receiver.received[0]);
    await first.close();
    expect(receiver.received).toHaveLength(1);

    const second = await startTestSandbox(opts);
    try {
      const retry = await waitFor("retry after restart", () => receiver.received[1], 3_000);
      expect(retry.event.id).toBe(receiver.received[0]?.event.id);
      expect(retry.verification).toBe("ok");
    } finally {
      await second.close();
    }
  });

  it("re-arms expiry and confirmation timers after a restart", async () => {
    const opts = options({ timeScale: 0.001, confirmationDelayMs: 400_000 }); // confirm after 0.4 s
    const first = await startTestSandbox(opts);
    const call = apiClient(first.url);
    const expiring = (
      await call<{ uuid: string }>("POST", "/v2/transaction/session-checkout/new/payment", {
        productName: "Soon",
        price: 1,
        expiresInMinutes: 10,
      })
    ).body.uuid;
    const paying = await createSession(call);
    await control(first, "POST", `/sandbox/sessions/${paying}/pay`, {});
    await first.close();

    const second = await startTestSandbox(opts);
    try {
      const again = apiClient(second.url);
      await waitFor(
        "expired after restart",
        async () =>
          (await again<{ status: string }>("GET", `/v2/transaction/session-checkout/${expiring}/status`)).body
            .status === "expired",
        3_000,
      );
      await waitFor(
        "completed after restart",
        async () =>
          (await again<{ status: string }>("GET", `/v2/transaction/session-checkout/${paying}/status`)).body
            .status === "completed",
        3_000,
      );
      const types = await waitFor("both events delivered", () => {
        const seen = receiver.received.map((r) => r.event.type).sort();
        return seen.length >= 2 ? seen : null;
      });
      expect(types).toEqual(["checkout.expired", "payment.completed"]);
    } finally {
      await second.close();
    }
  });

  it("keeps refunds across a restart, and loads a state file written before refunds existed", async () => {
    const first = await startTestSandbox(options());
    const call = apiClient(first.url);
    const paid = await createSession(call);
    await control(first, "POST", `/sandbox/sessions/${paid}/complete`, { skipConfirmation: true });
    const refund = await call<{ uuid: string }>("POST", "/v2/transaction/refunds/initiate", {
      txUuid: paid,
      refundPercent: 50,
    });
    await first.close();

    const second = await startTestSandbox(options());
    try {
      const again = apiClient(second.url);
      const pending = await again<{ items: Array<{ uuid: string }> }>("GET", "/v2/transaction/refunds/all");
      expect(pending.body.items.map((r) => r.uuid)).toEqual([refund.body.uuid]);
      expect((await control(second, "POST", `/sandbox/refunds/${refund.body.uuid}/sign`)).status).toBe(200);
      const read = await again<{ refund: { status: string } }>("GET", `/v2/transaction/payment/${paid}`);
      expect(read.body.refund.status).toBe("approved");
    } finally {
      await second.close();
    }

    const oldFile = join(dir, "old", "state.json");
    await mkdir(join(dir, "old"), { recursive: true });
    await writeFile(
      oldFile,
      JSON.stringify({ version: 1, sessions: {}, payments: {}, events: [], endpoints: [], idempotency: {} }),
    );
    const third = await startTestSandbox(options({ stateFile: oldFile }));
    try {
      const list = await apiClient(third.url)<{ items: unknown[] }>("GET", "/v2/transaction/refunds/all");
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([]);
    } finally {
      await third.close();
    }
  });
});
