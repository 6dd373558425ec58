// Node WebSocket clients of /api/live, speaking the protocol of lib/live/protocol.ts: subscribe,
// take the first snapshot, then note when a snapshot with the awaited status arrives. The
// arrival is timed before anything else is done with the message (a substring test, no JSON
// parse), so a thousand of them in one process cost as little client time as possible.
import WebSocket from "ws";
import type { OrderStatus } from "../../lib/generated/prisma/enums";
import { LIVE_PATH, type ClientMessage } from "../../lib/live/protocol";

export interface Subscriber {
  /** The first snapshot arrived: the server is watching the order for this client. */
  ready: Promise<void>;
  /** When the snapshot with the awaited status arrived (clock of `now`). */
  arrived: Promise<number>;
  close(): void;
}

export function liveUrl(appUrl: URL): string {
  return `ws://${appUrl.host}${LIVE_PATH}`;
}

export function subscribe(
  wsUrl: string,
  orderId: string,
  awaited: OrderStatus,
  now: () => number,
): Subscriber {
  const socket = new WebSocket(wsUrl);
  const marker = `"status":"${awaited}"`;
  let onReady!: () => void;
  let failReady!: (error: Error) => void;
  let onArrived!: (at: number) => void;
  let failArrived!: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => ((onReady = resolve), (failReady = reject)));
  const arrived = new Promise<number>((resolve, reject) => ((onArrived = resolve), (failArrived = reject)));
  ready.catch(() => {});
  arrived.catch(() => {});
  let snapshots = 0;
  socket.on("open", () => {
    socket.send(JSON.stringify({ type: "subscribe", order: orderId } satisfies ClientMessage));
  });
  socket.on("message", (data: Buffer) => {
    const at = now();
    const text = data.toString("utf8");
    if (!text.startsWith('{"type":"snapshot"')) return; // heartbeats
    if (snapshots++ === 0) onReady();
    else if (text.includes(marker)) onArrived(at);
  });
  const fail = (reason: string) => {
    const error = new Error(`subscriber of ${orderId}: ${reason}`);
    failReady(error);
    failArrived(error);
  };
  socket.on("error", (error) => fail(error.message));
  socket.on("close", (code, reason) => fail(`closed ${code} ${reason.toString()}`));
  return {
    ready,
    arrived,
    close: () => {
      socket.removeAllListeners("close");
      socket.on("error", () => {});
      socket.terminate();
    },
  };
}

/** `count` subscribers of one order, at most `concurrency` connecting at a time. */
export async function openSubscribers(
  wsUrl: string,
  orderId: string,
  count: number,
  awaited: OrderStatus,
  now: () => number,
  concurrency = 100,
): Promise<{ subscribers: Subscriber[]; failures: string[]; connectMs: number }> {
  const subscribers: Subscriber[] = [];
  const failures: string[] = [];
  const started = performance.now();
  let opened = 0;
  const worker = async () => {
    while (opened < count) {
      opened++;
      const subscriber = subscribe(wsUrl, orderId, awaited, now);
      subscribers.push(subscriber);
      await subscriber.ready.catch((error: Error) => failures.push(error.message));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { subscribers, failures, connectMs: performance.now() - started };
}

/** Resolves with what arrived by `timeoutMs`: times, and how many never did. */
export async function arrivals(
  subscribers: Subscriber[],
  timeoutMs: number,
): Promise<{ times: number[]; missing: number }> {
  const times: number[] = [];
  let missing = 0;
  const deadline = new Promise<"timeout">((resolve) =>
    setTimeout(() => resolve("timeout"), timeoutMs).unref(),
  );
  await Promise.all(
    subscribers.map(async (subscriber) => {
      const outcome = await Promise.race([subscriber.arrived.catch(() => "failed" as const), deadline]);
      if (typeof outcome === "number") times.push(outcome);
      else missing++;
    }),
  );
  return { times, missing };
}
