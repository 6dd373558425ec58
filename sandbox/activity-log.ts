/**
 * The sandbox's console: one line per payment event (a checkout created, a failed attempt, a
 * transaction sent, a payment completed, an expiry), however many requests the page and the app
 * make around it. The per-request log is opt-in (`logRequests`).
 */
import type { SessionRecord } from "./types";
import { findCurrency } from "./checkout/currencies";

const usd = (value: unknown) => (typeof value === "number" ? `$${value.toFixed(2)}` : "an unknown amount");

export class ActivityLog {
  /** The last state logged per session, so repeated publishes of the same state stay quiet. */
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly log: ((line: string) => void) | undefined,
    private readonly paymentOf: (uuid: string) => Record<string, unknown> | undefined,
  ) {}

  note(session: SessionRecord): void {
    if (!this.log) return;
    const key = `${session.status}|${session.lastAttempt?.at ?? ""}`;
    if (this.seen.get(session.uuid) === key) return;
    const first = !this.seen.has(session.uuid);
    this.seen.set(session.uuid, key);
    if (this.seen.size > 10_000) this.seen.clear(); // a bound for long runs, not a policy
    const line = this.describe(session, first);
    if (line) this.log(`${session.uuid} ${line}`);
  }

  private describe(session: SessionRecord, first: boolean): string | null {
    switch (session.status) {
      case "created":
        if (session.lastAttempt && !first) return `attempt failed: ${session.lastAttempt.code}`;
        return `checkout created${session.reference ? ` for ${session.reference}` : ""}: ${usd(session.amount)}`;
      case "waitingConfirmation": {
        const currency = session.pending ? findCurrency(session.pending.currencyId) : undefined;
        return `transaction sent with ${currency?.label ?? "crypto"}, waiting for confirmation`;
      }
      case "completed": {
        const payment = this.paymentOf(session.uuid);
        return `payment completed: ${usd(payment?.amount)} received, payment.completed sent`;
      }
      case "expired":
        return `expired: ${session.message ?? "unpaid"}, checkout.expired sent`;
    }
  }
}
