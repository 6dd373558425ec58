// One error class for everything the QBitFlow client can fail with, so callers `switch (error.code)`
// instead of juggling subclasses. Codes are QBitFlow's own (spec §1.4) plus three client-side
// ones for failures that never produced a usable answer.

/** Codes QBitFlow documents (spec §1.4); new ones arrive as plain strings and are kept as sent. */
export type QBitFlowApiErrorCode =
  | "validation_failed"
  | "bad_request"
  | "foreign_key_violation"
  | "invalid_signature"
  | "unauthorized"
  | "forbidden"
  | "policy_disabled"
  | "plan_required"
  | "not_found"
  | "unique_violation"
  | "tx_already_sent"
  | "merchant_not_ready"
  | "refund_already_exists"
  | "idempotency_key_in_use"
  | "idempotency_key_reused"
  | "conflict"
  | "merchant_closed"
  | "request_too_large"
  | "rate_limit_exceeded"
  | "internal"
  | "network_unavailable"
  | "timeout";

/**
 * Client-side failures: `network_error` (no HTTP answer; status 0), `timeout` (status 0; a 504
 * from the API has the same code with status 504), `invalid_response` (a 2xx body that does not
 * match the v2 shape), `unexpected_redirect` (a 3xx: v2 never redirects, so the base URL is wrong).
 */
export type QBitFlowClientErrorCode =
  "network_error" | "timeout" | "invalid_response" | "unexpected_redirect";

// `Record<never, never>` keeps editor completion for the known codes while accepting any string.
export type QBitFlowErrorCode =
  QBitFlowApiErrorCode | QBitFlowClientErrorCode | (string & Record<never, never>);

export interface FieldError {
  /** Dotted path as QBitFlow sends it, e.g. `successUrl` or `frequency.unit`. */
  field: string;
  message: string;
}

export interface QBitFlowErrorInit {
  message: string;
  status: number;
  code: QBitFlowErrorCode;
  requestId?: string | null;
  fieldErrors?: FieldError[];
  details?: Record<string, unknown> | null;
  retryable?: boolean;
  cause?: unknown;
}

export class QBitFlowError extends Error {
  override readonly name = "QBitFlowError";
  /** HTTP status, or 0 when no HTTP answer arrived (network error, timeout). */
  readonly status: number;
  readonly code: QBitFlowErrorCode;
  /** QBitFlow's request id (body first, then the `X-Request-Id` header): quote it to their support. */
  readonly requestId: string | null;
  /** `details.errors` of a `validation_failed`; empty otherwise. */
  readonly fieldErrors: FieldError[];
  /** The raw `details` object, e.g. `{ max: 5 }` or `{ reason: "noWallet" }`. */
  readonly details: Record<string, unknown> | null;
  /**
   * Transient per spec §1.7 (network, timeout, 5xx, 429, `idempotency_key_in_use`): trying again
   * later may succeed. The client has already retried where that was safe; this tells callers
   * such as the webhook route whether to answer 5xx (let QBitFlow retry) or give up.
   */
  readonly retryable: boolean;

  constructor(init: QBitFlowErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId ?? null;
    this.fieldErrors = init.fieldErrors ?? [];
    this.details = init.details ?? null;
    this.retryable = init.retryable ?? false;
  }
}

export function isQBitFlowError(value: unknown, code?: QBitFlowErrorCode): value is QBitFlowError {
  return value instanceof QBitFlowError && (code === undefined || value.code === code);
}

// Used when an error answer has no usable body (a proxy's HTML page, an empty 502…).
const FALLBACK_CODES: Record<number, QBitFlowApiErrorCode> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  410: "merchant_closed",
  413: "request_too_large",
  429: "rate_limit_exceeded",
  503: "network_unavailable",
  504: "timeout",
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fieldErrorsOf(details: Record<string, unknown> | null): FieldError[] {
  const list = details?.errors;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) =>
    isRecord(item) && typeof item.field === "string"
      ? [{ field: item.field, message: typeof item.message === "string" ? item.message : "is invalid" }]
      : [],
  );
}

/** True for answers spec §1.7 calls transient; `idempotency_key_in_use` is a 409 that is. */
export function isTransient(status: number, code: QBitFlowErrorCode): boolean {
  return status === 0 || status >= 500 || status === 429 || code === "idempotency_key_in_use";
}

/** Builds the error for a non-2xx answer from its status, body text and `X-Request-Id` header. */
export function errorFromResponse(
  status: number,
  bodyText: string,
  headerRequestId: string | null,
): QBitFlowError {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (isRecord(parsed)) body = parsed;
  } catch {
    // Not JSON (a gateway page, an empty body): status-based fallbacks below.
  }
  const details = isRecord(body.details) ? body.details : null;
  const code =
    typeof body.code === "string" && body.code !== ""
      ? body.code
      : (FALLBACK_CODES[status] ?? (status >= 500 ? "internal" : `http_${status}`));
  const text = typeof body.error === "string" && body.error !== "" ? body.error : `HTTP ${status}`;
  return new QBitFlowError({
    message: `QBitFlow ${status} ${code}: ${text}`,
    status,
    code,
    requestId: typeof body.requestId === "string" && body.requestId !== "" ? body.requestId : headerRequestId,
    fieldErrors: fieldErrorsOf(details),
    details,
    retryable: isTransient(status, code),
  });
}
