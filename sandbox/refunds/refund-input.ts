/**
 * Validation of `POST /transaction/refunds/initiate` (spec §6, §12) and of the customer's
 * request. Field errors come back together as `details.errors: [{field, message}]`.
 */
import { z } from "zod";
import { validationFailed } from "../http/errors";
import { isValidRefundPercent } from "./amounts";

const TEXT_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const codePoints = (s: string): number => [...s].length;

const text = z
  .string()
  .refine((s) => codePoints(s) <= 500, "must be at most 500 characters")
  .refine((s) => !TEXT_CONTROLS.test(s), "must not contain control characters");

const refundPercent = z
  .number({ error: "must be a number" })
  .refine(isValidRefundPercent, "must be more than 0 and at most 100, with at most 2 decimals");

const initiateSchema = z.object({
  txUuid: z.string({ error: "is required" }).min(1, "is required"),
  refundPercent: refundPercent.optional(),
  reason: text.optional(),
  merchantMessage: text.optional(),
});

const customerRequestSchema = z.object({
  refundPercent: refundPercent.optional(),
  reason: text.optional(),
});

export interface RefundInput {
  txUuid: string;
  refundPercent: number;
  reason: string;
  merchantMessage: string;
}

export interface CustomerRequestInput {
  refundPercent: number;
  reason: string;
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw validationFailed(
    result.error.issues.map((issue) => ({
      field: issue.path.map(String).join(".") || "body",
      message: issue.message,
    })),
  );
}

export function validateRefundInput(body: Record<string, unknown>): RefundInput {
  const input = parse(initiateSchema, body);
  return {
    txUuid: input.txUuid,
    refundPercent: input.refundPercent ?? 100,
    reason: input.reason ?? "",
    merchantMessage: input.merchantMessage ?? "",
  };
}

export function validateCustomerRequest(body: Record<string, unknown>): CustomerRequestInput {
  const input = parse(customerRequestSchema, body);
  return { refundPercent: input.refundPercent ?? 100, reason: input.reason ?? "" };
}
