// What a customer is told when QBitFlow will not open a checkout session, and what is recorded.
// Specific where the customer can act on it; always says nothing was charged.
import { isQBitFlowError } from "@/lib/qbitflow/errors";

export interface StartFailure {
  /** Kept on the order (startErrorCode) and in the logs. */
  code: string;
  /** For the order record and the logs: what QBitFlow said, with its request id. */
  detail: string;
  /** For the customer. */
  message: string;
}

const TRY_AGAIN = "The payment provider did not answer; nothing was charged, please try again.";
const NOT_READY = "This store can't accept crypto payments right now. Nothing was charged.";

export function describeStartFailure(error: unknown): StartFailure {
  if (!isQBitFlowError(error)) {
    const detail = error instanceof Error ? error.message : String(error);
    return { code: "not_configured", detail, message: NOT_READY };
  }
  const detail = `${error.message}${error.requestId ? ` (request ${error.requestId})` : ""}`;
  const fail = (message: string): StartFailure => ({ code: error.code, detail, message });

  if (error.code === "validation_failed" && typeof error.details?.max === "number") {
    return fail(
      `Test mode accepts at most $${error.details.max} per checkout. Lower a quantity or remove an item, and try again.`,
    );
  }
  if (error.code === "validation_failed") {
    const first = error.fieldErrors[0];
    return fail(
      `The payment provider refused this order${first ? ` (${first.field}: ${first.message})` : ""}. Nothing was charged.`,
    );
  }
  if (error.code === "merchant_not_ready" || error.code === "merchant_closed") return fail(NOT_READY);
  if (error.code === "unauthorized" || error.code === "forbidden" || error.code === "policy_disabled") {
    return fail(NOT_READY);
  }
  if (error.retryable || error.code === "unexpected_redirect" || error.code === "invalid_response") {
    return fail(TRY_AGAIN);
  }
  return fail(`We couldn't start the payment (${error.code}). Nothing was charged, please try again.`);
}
