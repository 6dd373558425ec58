// What a notification is: one kind of outbox job, the order change that implies it, and what runs
// it. Each notification is one file in this folder; index.ts lists them, and the outbox's job
// kinds, the jobs written with each change and the dispatcher's handlers are all built from that
// list (docs/architecture.md#where-to-change-what).
import type { OrderChange } from "@/lib/order-change";
import type { JobHandler } from "@/lib/outbox/dispatcher";

/** The job a change implies: its key is unique for ever, so a change seen twice writes it once. */
export interface Triggered {
  key: string;
  payload?: Record<string, unknown>;
}

export interface Notification {
  /** The outbox job's kind, stored with every job: never rename one that has shipped. */
  kind: string;
  /** The job this committed change implies, if any (pure: unit-tested, run in the statement). */
  triggeredBy(change: OrderChange): Triggered | null;
  /** Runs one job; returns what the job log shows ("sent …", "skipped: …"). */
  run: JobHandler;
}

/** The change that makes an order paid (a payment's first completion, not a refund's news). */
export function paysTheOrder(change: OrderChange): boolean {
  return !change.refund && change.to === "PAID" && change.from !== "PAID";
}
