// The in-process signal "jobs were just committed": the after-commit hook raises it, the
// dispatcher running in this process (lib/background/run-jobs.ts) wakes on it. Other instances hear
// of the change through the order bus's NOTIFY. On globalThis because the custom server and
// Next's bundle load this module separately in one process.
import { EventEmitter } from "node:events";

const WAKE = Symbol.for("qbitflow-starter.outbox-wake");
const registry = globalThis as typeof globalThis & { [WAKE]?: EventEmitter };

function emitter(): EventEmitter {
  registry[WAKE] ??= new EventEmitter().setMaxListeners(0);
  return registry[WAKE];
}

export function wakeDispatchers(): void {
  emitter().emit("wake");
}

/** Calls `listener` on every wake; returns the unsubscribe. */
export function onWake(listener: () => void): () => void {
  emitter().on("wake", listener);
  return () => void emitter().off("wake", listener);
}
