/** Test helpers: an in-process sandbox, an API client, a webhook receiver, and polling. */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { SANDBOX_DEFAULT_API_KEY } from "../defaults";
import { startSandbox, type RunningSandbox, type SandboxOptions } from "../server";
import { independentVerify, type Outcome } from "./independent-verify";

export type Dict = Record<string, unknown>;

export interface ErrorBody {
  error: string;
  code: string;
  requestId: string;
  details: {
    errors?: Array<{ field: string; message: string }>;
    max?: number;
    field?: string;
    reason?: string;
  };
}

export const TEST_KEY = SANDBOX_DEFAULT_API_KEY;
export const LIVE_KEY = "sk_00000000-0000-4000-8000-000000000002_live_sandboxlive";

export async function startTestSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({
    port: 0,
    stateFile: null,
    timeScale: 0.001,
    confirmationDelayMs: 5_000,
    extraApiKeys: [LIVE_KEY],
    ...options,
  });
}

export interface Reply<T> {
  status: number;
  body: T;
  headers: Headers;
}

export function apiClient(base: string, key: string = TEST_KEY) {
  return async function call<T = Dict>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(key ? { "X-API-Key": key } : {}),
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: response.headers,
    };
  };
}

export type Call = ReturnType<typeof apiClient>;

export const inlineSession = (extra: Dict = {}): Dict => ({
  productName: "Pro plan (lifetime)",
  description: "Lifetime access",
  price: 4.5,
  successUrl: "http://localhost:3000/thanks?session={{UUID}}&type={{TRANSACTION_TYPE}}",
  cancelUrl: "http://localhost:3000/cart?session={{UUID}}",
  ...extra,
});

export interface Received {
  receivedAt: number;
  headers: IncomingHttpHeaders;
  body: string;
  event: { id: string; type: string; version: string; createdAt: string; test: boolean; data: Dict };
  /** The independent verifier's outcome for the endpoint's secret(s). */
  verification: Outcome;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Decides each answer's status code (default 200); can be async to simulate slowness. */
  respond: (fn: (request: Received, index: number) => number | Promise<number>) => void;
  secrets: string[];
  close(): Promise<void>;
}

export async function startReceiver(secrets: string[] = []): Promise<Receiver> {
  const received: Received[] = [];
  let decide: (request: Received, index: number) => number | Promise<number> = () => 200;
  const receiver: Receiver = {
    url: "",
    received,
    secrets,
    respond: (fn) => {
      decide = fn;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const header = req.headers["qbitflow-signature"];
      const now = Math.floor(Date.now() / 1000);
      const outcomes = receiver.secrets.map((s) =>
        independentVerify(raw, typeof header === "string" ? header : undefined, s, now),
      );
      const verification = outcomes.includes("ok") ? "ok" : (outcomes[0] ?? "noMatchingSignature");
      const request: Received = {
        receivedAt: Date.now(),
        headers: req.headers,
        body: raw.toString("utf8"),
        event: JSON.parse(raw.toString("utf8")) as Received["event"],
        verification,
      };
      const index = received.push(request) - 1;
      void Promise.resolve(decide(request, index)).then((status) => {
        res.writeHead(status, { "Content-Type": "text/plain" }).end(status < 300 ? "ok" : "nope");
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/qbitflow`;
  return receiver;
}

/** Polls until `check` returns a truthy value; fails with `what` after the timeout. */
export async function waitFor<T>(
  what: string,
  check: () => T | Promise<T>,
  timeoutMs = 5_000,
  intervalMs = 10,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function control<T = Dict>(
  sandbox: RunningSandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<Reply<T>> {
  return apiClient(sandbox.url, "")<T>(method, path, body ?? (method === "GET" ? undefined : {}));
}

/** Creates an inline session and returns its uuid. */
export async function createSession(call: Call, extra: Dict = {}): Promise<string> {
  const res = await call<{ uuid: string }>(
    "POST",
    "/v2/transaction/session-checkout/new/payment",
    inlineSession(extra),
  );
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.uuid;
}
