// What the merchant is told when QBitFlow will not start a refund: in words, with QBitFlow's own
// reason where it gave one, and always that no money moved. Pure, so every answer is unit-tested.
import { isQBitFlowError } from "@/lib/qbitflow/errors";

/** QBitFlow's `notRefundableReason` (and the 409 codes that mean the same), in the merchant's words. */
export function notRefundableInWords(reason: string | null): string {
  switch (reason) {
    case "refundExists":
    case "refund_already_exists":
      return "QBitFlow says this payment already has a refund: a payment can be refunded only once.";
    case "heldFundsReleased":
    case "held_funds_released":
      return "QBitFlow says the funds held for this payment were already released, so it can no longer be refunded.";
    case "held_funds_pending":
      return "QBitFlow says the funds held for this payment are being released right now; it cannot be refunded.";
    default:
      return `QBitFlow says this payment cannot be refunded (${reason ?? "no reason given"}).`;
  }
}

export interface RefundFailure {
  /** For the logs: QBitFlow's code, message and request id. */
  detail: string;
  /** For the merchant, beside the form. */
  message: string;
  /** The form field QBitFlow objected to, when it named one we show. */
  field?: "percent" | "reason" | "merchantMessage";
}

const NOTHING_MOVED = "No refund was started; no money moved.";

export function describeRefundFailure(error: unknown): RefundFailure {
  if (!isQBitFlowError(error)) {
    const detail = error instanceof Error ? error.message : String(error);
    return { detail, message: `QBitFlow is not configured or could not be called. ${NOTHING_MOVED}` };
  }
  const detail = `${error.message}${error.requestId ? ` (request ${error.requestId})` : ""}`;
  const quoted = error.requestId ? ` Quote request ${error.requestId} to QBitFlow's support.` : "";
  switch (error.code) {
    case "refund_already_exists":
    case "held_funds_released":
    case "held_funds_pending":
      return { detail, message: notRefundableInWords(error.code) };
    case "validation_failed": {
      const first = error.fieldErrors[0];
      const field = first && FIELDS[first.field];
      return {
        detail,
        message: `QBitFlow refused the refund${first ? ` (${first.field}: ${first.message})` : ""}. ${NOTHING_MOVED}`,
        ...(field ? { field } : {}),
      };
    }
    case "idempotency_key_reused":
      return {
        detail,
        message: `QBitFlow already received a different refund request for this order today; reload the page to see it. ${NOTHING_MOVED}`,
      };
    case "not_found":
      return {
        detail,
        message: `QBitFlow does not know this payment (in this key's space). ${NOTHING_MOVED}`,
      };
    case "unauthorized":
    case "forbidden":
    case "policy_disabled":
    case "plan_required":
      return {
        detail,
        message: `QBitFlow refused the API key for refunds (${error.code}). ${NOTHING_MOVED}`,
      };
  }
  if (error.retryable || error.code === "invalid_response" || error.code === "unexpected_redirect") {
    return {
      detail,
      message: `QBitFlow did not answer properly (${error.code}). ${NOTHING_MOVED} Try again in a moment.${quoted}`,
    };
  }
  return { detail, message: `QBitFlow refused the refund (${error.code}). ${NOTHING_MOVED}${quoted}` };
}

const FIELDS: Record<string, RefundFailure["field"]> = {
  refundPercent: "percent",
  reason: "reason",
  merchantMessage: "merchantMessage",
};
