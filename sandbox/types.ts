/** The sandbox's persisted state. Everything here is JSON so it can be written to `.data/`. */

export type Mode = "test" | "live";

export type SessionStatus = "created" | "waitingConfirmation" | "completed" | "expired";

export type FailureCode = "insufficient_funds" | "token_not_approved" | "reverted";

export interface LastAttempt {
  status: "failed";
  code: string;
  message: string;
  txHash?: string;
  at: string;
}

export interface FeeLine {
  label: string;
  description?: string;
  amountUsd: number;
}

export interface SessionRecord {
  uuid: string; // pay@<uuid>
  mode: Mode;
  status: SessionStatus;
  productUuid: string | null;
  productReference: string | null;
  productName: string;
  description: string | null;
  price: number;
  fees: { processingFee: boolean; items: FeeLine[] } | null;
  /** What the customer is charged, price + fee lines (USD). */
  amount: number;
  reference: string | null;
  successUrl: string | null;
  cancelUrl: string | null;
  customerUuid: string | null;
  customerReference: string | null;
  createdAt: string;
  expiresAt: string;
  checkoutOpenedAt: string | null;
  message: string | null;
  lastAttempt: LastAttempt | null;
  /** The attempt being confirmed (set from Pay until completed or failed). */
  pending: {
    currencyId: number;
    txHash: string;
    from: string;
    paidUsd: number | null;
    confirmAtMs: number;
  } | null;
  txHash: string | null;
}

export interface PaymentRecord {
  uuid: string;
  mode: Mode;
  /** Sandbox switch (control API): the held funds were released, so it can no longer be refunded. */
  heldFundsReleased?: boolean;
  /** The Payment object of spec §3.4, exactly as webhooks carry it (minus managementPageLink). */
  data: Record<string, unknown>;
}

export interface Faults {
  /** Drop (never send) the next N attempts; each dropped attempt counts as a failure. */
  dropNext: number;
  /** Post every attempt twice. */
  duplicate: boolean;
  /** Wait this many real milliseconds before each attempt. */
  delayMs: number;
  /** Hold new deliveries for a short window and send them newest first. */
  outOfOrder: boolean;
  /** Send signatures that do not verify. */
  corruptSignature: boolean;
  /** Sign with a timestamp outside the receivers' 300 s tolerance. */
  staleTimestamp: boolean;
}

export interface EndpointRecord {
  uuid: string;
  mode: Mode;
  url: string;
  description: string;
  events: string[];
  includeMembers: boolean;
  payloadVersion: "v2";
  createdAt: string;
  secret: string;
  previousSecret: { secret: string; expiresAtMs: number } | null;
  rotatedAt: string | null;
  disabledAt: string | null;
  disabledReason: "failing" | "owner" | null;
  failingSince: string | null;
  lastDeliveredAt: string | null;
  faults: Faults;
}

export interface AttemptRecord {
  uuid: string;
  eventId: string;
  eventType: string;
  endpointUuid: string;
  attempt: number;
  delivered: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  attemptedAt: string;
  skipped?: boolean;
  /** Sandbox extras, to explain what a fault did. */
  fault?: string;
  manual?: boolean;
}

export interface DeliveryRecord {
  endpointUuid: string;
  delivered: boolean;
  /** pending: more scheduled attempts; delivered; failed: schedule exhausted or endpoint gone. */
  state: "pending" | "delivered" | "failed";
  attempts: AttemptRecord[];
  /** How many attempts of the retry schedule have run. */
  scheduledAttempts: number;
  firstAttemptAtMs: number | null;
  nextAttemptAtMs: number | null;
}

export interface EventRecord {
  id: string;
  type: string;
  mode: Mode;
  createdAt: string;
  /** The exact body bytes, serialized once so every retry sends the same bytes. */
  body: string;
  deliveries: DeliveryRecord[];
}

export interface IdempotencyRecord {
  key: string;
  mode: Mode;
  fingerprint: string;
  status: number;
  body: unknown;
  storedAtMs: number;
}

export type RefundStatus = "pending" | "approved" | "rejected";

/**
 * A refund of a payment (spec §12). One per payment. Amounts are fixed when it is created, from
 * the payment's `paidMinUnits` / `paidUsd`; the transfer fields fill in when the merchant signs.
 */
export interface RefundRecord {
  uuid: string; // refund@<uuid>
  mode: Mode;
  txUuid: string;
  status: RefundStatus;
  initiatedBy: "customer" | "merchant";
  reason: string;
  merchantMessage: string;
  refundPercent: number;
  paidMinUnits: string;
  paidUsd: number;
  amountMinUnits: string;
  amountUsd: number;
  currencyId: number;
  createdAt: string;
  respondedAt: string | null;
  txHash: string;
  chain: string;
  explorerUrl: string;
  metadata: Record<string, unknown> | null;
}

export interface SandboxState {
  version: 1;
  sessions: Record<string, SessionRecord>;
  payments: Record<string, PaymentRecord>;
  /** By refund uuid; added after version 1 shipped, so older state files load with none. */
  refunds: Record<string, RefundRecord>;
  /** Oldest first. */
  events: EventRecord[];
  endpoints: EndpointRecord[];
  idempotency: Record<string, IdempotencyRecord>;
}

export function emptyState(): SandboxState {
  return {
    version: 1,
    sessions: {},
    payments: {},
    refunds: {},
    events: [],
    endpoints: [],
    idempotency: {},
  };
}
