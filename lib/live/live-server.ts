// The WebSocket endpoint behind /api/live (mounted by server.ts). A browser subscribes to one
// order, gets its snapshot at once and again after every committed change, from whichever app
// instance made it (see lib/orders/change-bus.ts). Protocol and close codes: protocol.ts and
// docs/live-protocol.md.
import "server-only";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { db } from "@/lib/db";
import { isFinal, isSettled } from "@/lib/orders/order-events";
import { isOrderId } from "@/lib/order-id";
import { getOrderView, type OrderView } from "@/lib/orders/order-view";
import { syncOrderWithQBitFlow } from "@/lib/orders/sync-with-qbitflow";
import { ActiveChecks } from "./active-checks";
import { subscribeToOrderChanges } from "@/lib/orders/change-bus";
import { CLOSE, HEARTBEAT_INTERVAL_MS, parseClientMessage, type ServerMessage } from "./protocol";

export interface LiveServerOptions {
  /** How often a watched open order is checked with QBitFlow. Default 3 s. */
  checkIntervalMs?: number;
  heartbeatIntervalMs?: number;
}

export interface LiveServer {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Subscribed sockets, and orders under an active check. */
  stats(): { subscribers: number; orders: number; activeChecks: number };
  close(): Promise<void>;
}

export async function createLiveServer(options: LiveServerOptions = {}): Promise<LiveServer> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 });
  const watchers = new Map<string, Set<WebSocket>>();
  const alive = new WeakMap<WebSocket, boolean>();
  const checks = new ActiveChecks(checkWithQBitFlow, options.checkIntervalMs);
  const pushing = new Map<string, { again: boolean }>();

  async function pushSnapshot(orderId: string): Promise<void> {
    if (!watchers.has(orderId)) return;
    // Changes that arrive while a snapshot is being read are folded into one more read.
    const running = pushing.get(orderId);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: false };
    pushing.set(orderId, state);
    try {
      do {
        state.again = false;
        const view = await getOrderView(orderId);
        if (view) broadcast(orderId, view);
      } while (state.again);
    } finally {
      pushing.delete(orderId);
    }
  }

  function broadcast(orderId: string, view: OrderView): void {
    const sockets = watchers.get(orderId);
    if (!sockets) return;
    const message = JSON.stringify({ type: "snapshot", order: view } satisfies ServerMessage);
    for (const socket of sockets) socket.send(message);
    if (isSettled(view.status, view.refund?.status ?? null)) {
      for (const socket of sockets) socket.close(CLOSE.final, "order is final");
      checks.stop(orderId);
    }
  }

  const changes = await subscribeToOrderChanges((orderId) => {
    pushSnapshot(orderId).catch((error) => console.error(`[live] snapshot of ${orderId} failed:`, error));
  });

  wss.on("connection", (socket) => {
    alive.set(socket, true);
    socket.on("pong", () => alive.set(socket, true));
    const waitForSubscribe = setTimeout(() => socket.close(CLOSE.badRequest, "subscribe expected"), 10_000);
    socket.once("message", (data) => {
      clearTimeout(waitForSubscribe);
      subscribe(socket, String(data)).catch((error) => {
        console.error("[live] subscribe failed:", error);
        socket.close(CLOSE.internalError, "internal error");
      });
    });
    socket.on("close", () => clearTimeout(waitForSubscribe));
  });

  async function subscribe(socket: WebSocket, data: string): Promise<void> {
    const message = parseClientMessage(data);
    if (!message) return socket.close(CLOSE.badRequest, "expected a subscribe message");
    const orderId = message.order;
    const view = isOrderId(orderId) ? await getOrderView(orderId) : null;
    if (!view) return socket.close(CLOSE.unknownOrder, "unknown order");
    if (socket.readyState !== socket.OPEN) return;

    socket.send(JSON.stringify({ type: "snapshot", order: view } satisfies ServerMessage));
    // A paid order stays subscribed until its refund (if any) is answered: see isSettled.
    if (isSettled(view.status, view.refund?.status ?? null))
      return socket.close(CLOSE.final, "order is final");

    const sockets = watchers.get(orderId) ?? new Set<WebSocket>();
    sockets.add(socket);
    watchers.set(orderId, sockets);
    checks.watch(orderId);
    socket.on("message", () => socket.close(CLOSE.badRequest, "one subscription per connection"));
    socket.on("close", () => {
      sockets.delete(socket);
      if (sockets.size === 0) watchers.delete(orderId);
      checks.unwatch(orderId);
    });
  }

  async function checkWithQBitFlow(orderId: string): Promise<{ final: boolean }> {
    const order = await db.order.findUnique({
      where: { id: orderId },
      select: { id: true, status: true, qbitflowSessionId: true },
    });
    if (!order) return { final: true };
    if (isFinal(order.status)) {
      // Closed by a path this instance did not hear of: make sure the watchers see it.
      await pushSnapshot(orderId);
      return { final: true };
    }
    const results = await syncOrderWithQBitFlow(order, "status_check");
    const last = results.at(-1);
    return { final: last?.outcome === "changed" ? isFinal(last.to) : false };
  }

  // Dead peers (a laptop lid closed) never send a close frame: ping, and drop the silent ones.
  const heartbeat = setInterval(() => {
    const beat = JSON.stringify({ type: "heartbeat" } satisfies ServerMessage);
    for (const socket of wss.clients) {
      if (!alive.get(socket)) {
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      socket.ping();
      socket.send(beat);
    }
  }, options.heartbeatIntervalMs ?? HEARTBEAT_INTERVAL_MS);
  heartbeat.unref();

  return {
    handleUpgrade(request, socket, head) {
      wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
    },
    stats() {
      let subscribers = 0;
      for (const sockets of watchers.values()) subscribers += sockets.size;
      return { subscribers, orders: watchers.size, activeChecks: checks.size };
    },
    async close() {
      clearInterval(heartbeat);
      checks.stopAll();
      for (const socket of wss.clients) socket.close(CLOSE.goingAway, "server shutting down");
      await changes.close();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
