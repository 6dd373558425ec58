// The checks the Node-host smoke test runs against the started server (node-host-smoke.ts).
import { once } from "node:events";
import WebSocket from "ws";

export async function waitForHttp(url: string, timeoutMs: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error("the server exited before answering");
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export interface LiveClient {
  socket: WebSocket;
  /** Resolves with the first snapshot whose order satisfies `test`. */
  snapshot(test: (order: { status: string }) => boolean, timeoutMs: number): Promise<{ status: string }>;
  closed: Promise<{ code: number; reason: string }>;
}

/** Opens /api/live and subscribes to one order, as the browser does. */
export async function subscribe(wsUrl: string, orderId: string): Promise<LiveClient> {
  const socket = new WebSocket(wsUrl);
  const messages: { type: string; order?: { status: string } }[] = [];
  const waiters = new Set<() => void>();
  socket.on("message", (data) => {
    messages.push(JSON.parse(String(data)));
    for (const wake of waiters) wake();
  });
  const closed = once(socket, "close").then(([code, reason]) => ({
    code: code as number,
    reason: String(reason),
  }));
  await once(socket, "open");
  socket.send(JSON.stringify({ type: "subscribe", order: orderId }));
  return {
    socket,
    closed,
    snapshot: (test, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const hit = messages.find((m) => m.type === "snapshot" && m.order && test(m.order));
          if (!hit) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit.order!);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching snapshot in ${timeoutMs} ms; got ${JSON.stringify(messages)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}

/** The sandbox's record of an event's deliveries (GET /v2/webhooks/events/{id}). */
export async function deliveriesOf(
  api: string,
  key: string,
  type: string,
  reference: string,
): Promise<{ delivered: boolean; attempts: { statusCode: number | null }[] }[]> {
  const headers = { "X-API-Key": key };
  const list = (await (await fetch(`${api}/webhooks/events?type=${type}`, { headers })).json()) as {
    items: { id: string; data: { reference?: string } }[];
  };
  const event = list.items.find((item) => item.data.reference === reference);
  if (!event) return [];
  const detail = (await (await fetch(`${api}/webhooks/events/${event.id}`, { headers })).json()) as {
    deliveries: { delivered: boolean; attempts: { statusCode: number | null }[] }[];
  };
  return detail.deliveries;
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`smoke: ${message}`);
  console.log(`[smoke] ok: ${message}`);
}
