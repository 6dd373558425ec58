import { describe, expect, it } from "vitest";
import { QBitFlowError } from "@/lib/qbitflow/errors";
import { describeRefundFailure, notRefundableInWords } from "./refund-failure";

const error = (
  code: string,
  status = 409,
  init: Partial<ConstructorParameters<typeof QBitFlowError>[0]> = {},
) => new QBitFlowError({ message: `QBitFlow ${status} ${code}: x`, status, code, ...init });

describe("notRefundableInWords", () => {
  it.each([
    ["refundExists", /already has a refund: a payment can be refunded only once/],
    ["refund_already_exists", /already has a refund/],
    ["heldFundsReleased", /held for this payment were already released/],
    ["held_funds_released", /already released/],
    ["held_funds_pending", /being released right now/],
    ["somethingNew", /cannot be refunded \(somethingNew\)/],
  ])("%s", (reason, words) => {
    expect(notRefundableInWords(reason)).toMatch(words);
  });

  it("no reason at all", () => {
    expect(notRefundableInWords(null)).toBe(
      "QBitFlow says this payment cannot be refunded (no reason given).",
    );
  });
});

describe("describeRefundFailure", () => {
  it("refund_already_exists and held funds: QBitFlow's reason in words", () => {
    expect(describeRefundFailure(error("refund_already_exists")).message).toMatch(/already has a refund/);
    expect(describeRefundFailure(error("held_funds_released")).message).toMatch(/already released/);
  });

  it("a validation failure names QBitFlow's field and points at ours", () => {
    const failure = describeRefundFailure(
      error("validation_failed", 400, {
        fieldErrors: [{ field: "refundPercent", message: "at most 2 decimals" }],
      }),
    );
    expect(failure).toEqual({
      detail: "QBitFlow 400 validation_failed: x",
      message:
        "QBitFlow refused the refund (refundPercent: at most 2 decimals). No refund was started; no money moved.",
      field: "percent",
    });
    expect(describeRefundFailure(error("validation_failed", 400))).toEqual({
      detail: "QBitFlow 400 validation_failed: x",
      message: "QBitFlow refused the refund. No refund was started; no money moved.",
    });
    for (const [theirs, ours] of [
      ["reason", "reason"],
      ["merchantMessage", "merchantMessage"],
    ]) {
      const failure = describeRefundFailure(
        error("validation_failed", 400, { fieldErrors: [{ field: theirs!, message: "too long" }] }),
      );
      expect(failure.field).toBe(ours);
    }
    expect(
      describeRefundFailure(
        error("validation_failed", 400, { fieldErrors: [{ field: "txUuid", message: "bad" }] }),
      ).field,
    ).toBeUndefined();
  });

  it("provider trouble: no stack trace, no money moved, try again, the request id to quote", () => {
    const failure = describeRefundFailure(error("internal", 502, { retryable: true, requestId: "req_9" }));
    expect(failure.message).toBe(
      "QBitFlow did not answer properly (internal). No refund was started; no money moved. Try again in a moment. Quote request req_9 to QBitFlow's support.",
    );
    expect(failure.detail).toBe("QBitFlow 502 internal: x (request req_9)");
    expect(describeRefundFailure(error("invalid_response", 200)).message).toBe(
      "QBitFlow did not answer properly (invalid_response). No refund was started; no money moved. Try again in a moment.",
    );
    expect(describeRefundFailure(error("unexpected_redirect", 302)).message).toMatch(
      /^QBitFlow did not answer properly \(unexpected_redirect\)/,
    );
  });

  it.each([
    ["idempotency_key_reused", 422, /different refund request for this order/],
    ["not_found", 404, /does not know this payment/],
    ["unauthorized", 401, /refused the API key for refunds \(unauthorized\)/],
    ["plan_required", 403, /refused the API key/],
    ["forbidden", 403, /refused the API key for refunds \(forbidden\)/],
    ["policy_disabled", 403, /refused the API key for refunds \(policy_disabled\)/],
    ["held_funds_pending", 409, /being released right now; it cannot be refunded\.$/],
    ["conflict", 409, /^QBitFlow refused the refund \(conflict\)\. No refund was started; no money moved\.$/],
  ])("%s", (code, status, words) => {
    expect(describeRefundFailure(error(code, status)).message).toMatch(words);
  });

  it("not a QBitFlow error (no key configured): still a sentence", () => {
    expect(describeRefundFailure(new Error("QBITFLOW_API_KEY is not set")).message).toBe(
      "QBitFlow is not configured or could not be called. No refund was started; no money moved.",
    );
  });
});
