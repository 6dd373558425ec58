/**
 * The session state machine (spec §3.1): created → waitingConfirmation → completed, or
 * created → expired. A failed attempt sets `lastAttempt` and leaves the session open.
 * Both the hosted page and the control API drive sessions through here.
 */
import type { Clock, Timers } from "../clock";
import { ApiError, conflict, notFound, validationFailed } from "../http/errors";
import type { Store } from "../store";
import type { Mode, SessionRecord } from "../types";
import { DEFAULT_CURRENCY_ID, fakeAddress, fakeTxHash, findCurrency } from "./currencies";
import { buildPayment } from "./payment";
import { normalizeTxId } from "./session-create";
import { sessionDataView } from "./views";

const FAILURE_MESSAGES: Record<string, string> = {
  insufficient_funds: "The wallet does not hold enough funds for this payment and its network fee.",
  token_not_approved: "The token spending approval was not granted.",
  reverted: "The transaction was reverted on chain.",
};

export interface LifecycleDeps {
  store: Store;
  clock: Clock;
  timers: Timers;
  /** Read on every payment so `/sandbox/settings` can change it at runtime. */
  confirmationDelayMs: () => number;
  organizationName: string;
  managementPageLink: (uuid: string) => string;
  emit: (type: string, data: Record<string, unknown>, mode: Mode) => void;
  /** Called after every change of a session (the hosted page listens). */
  onChange: (session: SessionRecord) => void;
}

export interface PayOptions {
  currencyId?: number;
  amountUsd?: number;
}

export class Lifecycle {
  constructor(private readonly deps: LifecycleDeps) {}

  get(id: string, mode?: Mode): SessionRecord {
    const session = this.deps.store.state.sessions[normalizeTxId(id)];
    if (!session || (mode && session.mode !== mode)) throw notFound("checkout session");
    return session;
  }

  /** Re-arms expiry and confirmation timers, e.g. after a restart. */
  arm(session: SessionRecord): void {
    const { timers, clock } = this.deps;
    if (session.status === "created") {
      timers.at(
        `expire:${session.uuid}`,
        Date.parse(session.expiresAt),
        () => this.expireOnTime(session.uuid),
        () => clock.now(),
      );
    }
    if (session.status === "waitingConfirmation" && session.pending) {
      timers.at(
        `confirm:${session.uuid}`,
        session.pending.confirmAtMs,
        () => this.confirm(session.uuid),
        () => clock.now(),
      );
    }
  }

  /** A new session: arms its expiry and announces it (the page, the log). */
  track(session: SessionRecord): void {
    this.arm(session);
    this.deps.onChange(session);
  }

  markOpened(session: SessionRecord): void {
    if (session.checkoutOpenedAt) return;
    session.checkoutOpenedAt = this.deps.clock.nowIso();
    this.changed(session);
  }

  /** The customer's wallet sent a transaction: wait for confirmations. */
  pay(session: SessionRecord, options: PayOptions = {}): void {
    this.assertPayable(session);
    const currency = findCurrency(options.currencyId ?? DEFAULT_CURRENCY_ID);
    if (!currency) throw validationFailed([{ field: "currencyId", message: "unknown currency" }]);
    if (options.amountUsd !== undefined && !(options.amountUsd > 0)) {
      throw validationFailed([{ field: "amountUsd", message: "must be more than 0" }]);
    }
    const txHash = fakeTxHash(currency.chain);
    session.status = "waitingConfirmation";
    session.txHash = txHash;
    session.pending = {
      currencyId: currency.id,
      txHash,
      from: fakeAddress(currency.chain),
      paidUsd: options.amountUsd ?? null,
      confirmAtMs: this.deps.clock.now() + this.deps.clock.scale(this.deps.confirmationDelayMs()),
    };
    this.deps.timers.clear(`expire:${session.uuid}`);
    this.arm(session);
    this.changed(session);
  }

  /** The transaction is confirmed: the payment exists and `payment.completed` goes out. */
  confirm(id: string): void {
    const session = this.deps.store.state.sessions[id];
    if (!session || session.status !== "waitingConfirmation" || !session.pending) return;
    this.deps.timers.clear(`confirm:${session.uuid}`);
    const data = buildPayment(session, session.pending, new Date(this.deps.clock.now()));
    this.deps.store.state.payments[session.uuid] = { uuid: session.uuid, mode: session.mode, data };
    session.status = "completed";
    session.pending = null;
    this.deps.emit(
      "payment.completed",
      { ...data, managementPageLink: this.deps.managementPageLink(session.uuid) },
      session.mode,
    );
    this.changed(session);
  }

  /** A failed attempt: recorded in `lastAttempt`, not final (spec §3.1). */
  fail(session: SessionRecord, code: string, message?: string): void {
    if (!/^[a-z][a-z0-9_]{0,63}$/.test(code)) {
      throw validationFailed([
        { field: "code", message: "must be a snake_case failure code, e.g. insufficient_funds" },
      ]);
    }
    if (session.status === "completed") throw conflict("tx_already_sent", "the checkout is already paid");
    if (session.status === "expired") throw conflict("conflict", "the checkout has expired");
    const sentHash = session.pending?.txHash;
    const chain = findCurrency(session.pending?.currencyId ?? DEFAULT_CURRENCY_ID)?.chain ?? "BASE";
    const txHash = sentHash ?? (code === "reverted" ? fakeTxHash(chain) : undefined);
    this.deps.timers.clear(`confirm:${session.uuid}`);
    session.status = "created";
    session.pending = null;
    session.txHash = null;
    session.lastAttempt = {
      status: "failed",
      code,
      message: message ?? FAILURE_MESSAGES[code] ?? "The payment attempt failed.",
      ...(txHash ? { txHash } : {}),
      at: this.deps.clock.nowIso(),
    };
    if (this.deps.clock.now() >= Date.parse(session.expiresAt))
      this.expire(session, "The checkout expired before a successful payment.");
    else {
      this.arm(session);
      this.changed(session);
    }
  }

  /** `POST …/expire`: only an unpaid session can be expired (spec §2.3). */
  expire(session: SessionRecord, message = "Expired by the merchant."): void {
    if (session.status === "expired") return;
    if (session.status !== "created") {
      throw conflict("tx_already_sent", "the customer has already sent a transaction for this checkout");
    }
    this.deps.timers.clear(`expire:${session.uuid}`);
    session.status = "expired";
    session.message = message;
    this.deps.emit("checkout.expired", sessionDataView(session, this.deps.organizationName), session.mode);
    this.changed(session);
  }

  private expireOnTime(id: string): void {
    const session = this.deps.store.state.sessions[id];
    // A transaction already sent is allowed to confirm after the deadline.
    if (session?.status === "created") this.expire(session, "The checkout expired before the customer paid.");
  }

  private assertPayable(session: SessionRecord): void {
    if (session.status === "waitingConfirmation" || session.status === "completed") {
      throw conflict("tx_already_sent", "a transaction was already sent for this checkout");
    }
    if (session.status === "expired" || this.deps.clock.now() >= Date.parse(session.expiresAt)) {
      throw new ApiError(409, "conflict", "the checkout has expired");
    }
  }

  private changed(session: SessionRecord): void {
    this.deps.store.changed();
    this.deps.onChange(session);
  }
}
