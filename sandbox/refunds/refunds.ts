/**
 * The refund state machine (spec §6, §12): one refund per payment, created `pending` by the
 * merchant (`initiate`) or the customer (`request`); no money moves until the merchant signs
 * (`approved`, with the transfer, → `refund.completed`) or denies it (`rejected` →
 * `refund.denied`). The API, the control API, the dashboard and the hosted page all go through
 * here, so every path emits the same events through the same delivery machinery.
 */
import { randomUUID } from "node:crypto";
import type { Clock } from "../clock";
import { explorerUrl, fakeTxHash, findCurrency, usdToMinUnits, type Chain } from "../checkout/currencies";
import { normalizeTxId } from "../checkout/session-create";
import { ApiError, conflict, notFound } from "../http/errors";
import type { Store } from "../store";
import type { Mode, PaymentRecord, RefundRecord } from "../types";
import { refundAmounts } from "./amounts";
import type { CustomerRequestInput, RefundInput } from "./refund-input";
import { refundEventData } from "./views";

export type NotRefundableReason = "refundExists" | "heldFundsReleased";

export interface Refundability {
  refundable: boolean;
  notRefundableReason: NotRefundableReason | null;
}

export interface RefundsDeps {
  store: Store;
  clock: Clock;
  emit: (type: string, data: Record<string, unknown>, mode: Mode) => void;
  /** One line per refund event, like the payment lines; silent when absent. */
  log?: (line: string) => void;
  /** Called after every change (the hosted page listens, keyed by the payment's uuid). */
  onChange?: (refund: RefundRecord) => void;
}

export class Refunds {
  constructor(private readonly deps: RefundsDeps) {}

  /** `POST /transaction/refunds/initiate`: the merchant starts a refund. */
  initiate(input: RefundInput, mode: Mode): RefundRecord {
    const payment = this.refundablePayment(input.txUuid, mode);
    return this.create(payment, {
      initiatedBy: "merchant",
      refundPercent: input.refundPercent,
      reason: input.reason,
      merchantMessage: input.merchantMessage,
    });
  }

  /** The customer asks for a refund from their invoice page (or the control API). */
  request(txUuid: string, input: CustomerRequestInput): RefundRecord {
    const payment = this.refundablePayment(txUuid);
    return this.create(payment, { initiatedBy: "customer", merchantMessage: "", ...input });
  }

  /** The merchant signs the transfer: the money goes back and `refund.completed` follows. */
  sign(id: string): RefundRecord {
    const refund = this.pending(id);
    const currency = findCurrency(refund.currencyId);
    const chain: Chain = currency?.chain ?? "BASE";
    const now = this.deps.clock.now();
    const blockTime = Math.floor(now / 1000) - 2;
    refund.status = "approved";
    refund.respondedAt = new Date(now).toISOString();
    refund.txHash = fakeTxHash(chain);
    refund.chain = chain;
    refund.explorerUrl = explorerUrl(chain, refund.txHash, refund.mode);
    refund.metadata = {
      networkFees: {
        amount: currency ? usdToMinUnits(currency.networkFeeUsd, currency) : "0",
        unitsConsumed: 65_000,
      },
      blockData: { number: String(Math.floor(blockTime / 2)), timestamp: blockTime },
    };
    this.announce(refund, "refund.completed", "signed: refund.completed sent");
    return refund;
  }

  /** The merchant refuses: `rejected`, with an optional message to the customer. */
  deny(id: string, merchantMessage?: string): RefundRecord {
    const refund = this.pending(id);
    refund.status = "rejected";
    refund.respondedAt = this.deps.clock.nowIso();
    if (merchantMessage !== undefined) refund.merchantMessage = merchantMessage;
    this.announce(refund, "refund.denied", "denied: refund.denied sent");
    return refund;
  }

  get(id: string, mode?: Mode): RefundRecord {
    const uuid = id.startsWith("refund@") ? id : `refund@${id}`;
    const refund = this.deps.store.state.refunds[uuid];
    if (!refund || (mode && refund.mode !== mode)) throw notFound("refund");
    return refund;
  }

  forPayment(txUuid: string): RefundRecord | undefined {
    return Object.values(this.deps.store.state.refunds).find((r) => r.txUuid === txUuid);
  }

  /** `/all` lists the pending ones, `/all/inactive` the answered ones; newest first. */
  list(mode: Mode, active: boolean): RefundRecord[] {
    return Object.values(this.deps.store.state.refunds)
      .filter((r) => r.mode === mode && (r.status === "pending") === active)
      .reverse();
  }

  refundability(payment: PaymentRecord): Refundability {
    if (this.forPayment(payment.uuid)) return { refundable: false, notRefundableReason: "refundExists" };
    if (payment.heldFundsReleased) return { refundable: false, notRefundableReason: "heldFundsReleased" };
    return { refundable: true, notRefundableReason: null };
  }

  /** Sandbox switch: the organization's held funds for this payment were released. */
  releaseHeldFunds(txUuid: string): PaymentRecord {
    const payment = this.deps.store.state.payments[normalizeTxId(txUuid)];
    if (!payment) throw notFound("payment");
    payment.heldFundsReleased = true;
    this.deps.store.changed();
    return payment;
  }

  private refundablePayment(txUuid: string, mode?: Mode): PaymentRecord {
    const uuid = normalizeTxId(txUuid);
    const { payments, sessions } = this.deps.store.state;
    const payment = payments[uuid];
    if (!payment || (mode && payment.mode !== mode)) {
      const session = sessions[uuid];
      // Sandbox-defined: a known checkout that was never paid is a state conflict, not a 404.
      if (session && (!mode || session.mode === mode)) {
        throw conflict("conflict", `${uuid} is not a completed payment (checkout ${session.status})`, {
          reason: "notCompleted",
        });
      }
      throw notFound("transaction");
    }
    const existing = this.forPayment(payment.uuid);
    if (existing) {
      throw conflict("refund_already_exists", `${payment.uuid} already has a refund (${existing.status})`, {
        refundUuid: existing.uuid,
      });
    }
    if (payment.heldFundsReleased) {
      throw new ApiError(409, "held_funds_released", `the funds held for ${payment.uuid} were released`);
    }
    return payment;
  }

  private create(
    payment: PaymentRecord,
    fields: Pick<RefundRecord, "initiatedBy" | "refundPercent" | "reason" | "merchantMessage">,
  ): RefundRecord {
    const paidMinUnits = String(payment.data.paidMinUnits ?? "0");
    const paidUsd = Number(payment.data.paidUsd ?? 0);
    const refund: RefundRecord = {
      uuid: `refund@${randomUUID()}`,
      mode: payment.mode,
      txUuid: payment.uuid,
      status: "pending",
      ...fields,
      paidMinUnits,
      paidUsd,
      ...refundAmounts(paidMinUnits, paidUsd, fields.refundPercent),
      currencyId: Number(payment.data.currencyId ?? 0),
      createdAt: this.deps.clock.nowIso(),
      respondedAt: null,
      txHash: "",
      chain: "",
      explorerUrl: "",
      metadata: null,
    };
    this.deps.store.state.refunds[refund.uuid] = refund;
    const who = fields.initiatedBy === "merchant" ? "initiated by the merchant" : "requested by the customer";
    this.announce(refund, "refund.requested", `${who} (${fields.refundPercent} %): refund.requested sent`);
    return refund;
  }

  private pending(id: string): RefundRecord {
    const refund = this.get(id);
    if (refund.status !== "pending") {
      throw conflict("conflict", `${refund.uuid} was already answered (${refund.status})`, {
        status: refund.status,
      });
    }
    return refund;
  }

  private announce(refund: RefundRecord, type: string, line: string): void {
    this.deps.emit(type, refundEventData(refund), refund.mode);
    this.deps.store.changed();
    this.deps.log?.(`${refund.uuid} for ${refund.txUuid} ${line}`);
    this.deps.onChange?.(refund);
  }
}
