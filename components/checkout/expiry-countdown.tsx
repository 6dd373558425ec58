"use client";
import { useSyncExternalStore } from "react";

// A one-second clock as an external store: null during server rendering (a server-rendered time
// would not match the browser's), then the current second.
function subscribe(onTick: () => void): () => void {
  const timer = setInterval(onTick, 1_000);
  return () => clearInterval(timer);
}
const currentSecond = () => Math.floor(Date.now() / 1000);
const noTime = () => null;

function remaining(expiresAt: string, nowSeconds: number): string {
  const seconds = Math.max(0, Math.floor(Date.parse(expiresAt) / 1000) - nowSeconds);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** "The payment page closes in 12:34". Not a live region: a ticking clock would chatter. */
export function ExpiryCountdown({ expiresAt }: { expiresAt: string }) {
  const now = useSyncExternalStore(subscribe, currentSecond, noTime);
  if (now === null) return null;
  if (Date.parse(expiresAt) / 1000 <= now)
    return <p className="text-sm text-muted">The payment page has closed.</p>;
  return (
    <p className="text-sm text-muted">
      The payment page closes in{" "}
      <span className="font-semibold text-ink tabular-nums">{remaining(expiresAt, now)}</span>
    </p>
  );
}
