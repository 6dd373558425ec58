"use client";
// Keeps a WebSocket to /api/live subscribed to one order and hands every snapshot to the caller.
// Reconnects with exponential backoff and jitter; reports "fallback" whenever the socket is not
// delivering, so the caller can poll instead (on hosts without WebSockets, such as Vercel's
// functions, the socket never opens and the page simply polls).
import { useEffect, useRef } from "react";
import {
  CLIENT_SILENCE_LIMIT_MS,
  CLOSE,
  LIVE_PATH,
  TERMINAL_CLOSE_CODES,
  type ServerMessage,
} from "@/lib/live/protocol";
import type { OrderView } from "@/lib/orders/order-view";

export type LiveTransport = "connecting" | "live" | "fallback";

interface LiveOrderOptions {
  enabled: boolean;
  onSnapshot: (order: OrderView) => void;
  onTransport: (transport: LiveTransport) => void;
}

const MAX_BACKOFF_MS = 30_000;

export function reconnectDelay(attempt: number, random = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2); // "equal jitter": never a thundering herd
}

export function useLiveOrder(orderId: string, { enabled, onSnapshot, onTransport }: LiveOrderOptions): void {
  // The latest callbacks without reconnecting when they change identity.
  const callbacks = useRef({ onSnapshot, onTransport });
  useEffect(() => {
    callbacks.current = { onSnapshot, onTransport };
  });

  useEffect(() => {
    if (!enabled) return;
    let socket: WebSocket | null = null;
    let attempt = 0;
    let stopped = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let silenceTimer: ReturnType<typeof setTimeout> | undefined;

    const expectSoon = (current: WebSocket) => {
      clearTimeout(silenceTimer);
      silenceTimer = setTimeout(() => current.close(CLOSE.timeout, "silent"), CLIENT_SILENCE_LIMIT_MS);
    };

    const connect = () => {
      if (typeof WebSocket === "undefined") return callbacks.current.onTransport("fallback");
      const current = new WebSocket(
        `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${LIVE_PATH}`,
      );
      socket = current;
      current.onopen = () => {
        current.send(JSON.stringify({ type: "subscribe", order: orderId }));
        expectSoon(current);
      };
      current.onmessage = (event) => {
        expectSoon(current);
        const message = JSON.parse(String(event.data)) as ServerMessage;
        if (message.type !== "snapshot") return;
        attempt = 0;
        callbacks.current.onTransport("live");
        callbacks.current.onSnapshot(message.order);
      };
      current.onclose = (event) => {
        clearTimeout(silenceTimer);
        if (stopped || event.code === CLOSE.final) return;
        callbacks.current.onTransport("fallback");
        if (TERMINAL_CLOSE_CODES.has(event.code)) return; // polling carries on alone
        retryTimer = setTimeout(connect, reconnectDelay(attempt++));
      };
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      clearTimeout(silenceTimer);
      socket?.close(CLOSE.normal, "page left");
    };
  }, [orderId, enabled]);
}
