/**
 * Validation of `POST /transaction/session-checkout/new/payment` (spec §2.1). Field errors
 * come back as `details.errors: [{field, message}]`, all of them at once, like the API.
 */
import { z } from "zod";
import { TEST_MODE_MAX_USD } from "../defaults";
import { validationFailed, type FieldError } from "../http/errors";
import type { FeeLine, Mode } from "../types";

const MARKUP = /[<>{}[\]`\\|;"~^]/;
const LINE_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const TEXT_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const REFERENCE = /^[A-Za-z0-9._:@-]{1,100}$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const CENTS = /^\d+(\.\d{1,2})?$/;

const codePoints = (s: string): number => [...s].length;

const productName = z
  .string()
  .refine((s) => s.trim() !== "", "must not be blank")
  .refine((s) => codePoints(s) >= 2 && codePoints(s) <= 100, "must be 2 to 100 characters")
  .refine((s) => !LINE_CONTROLS.test(s), "must be one line without control characters")
  .refine((s) => !MARKUP.test(s), "must not contain markup characters");

const description = z
  .string()
  .refine((s) => codePoints(s) >= 2 && codePoints(s) <= 500, "must be 2 to 500 characters")
  .refine((s) => !TEXT_CONTROLS.test(s), "must not contain control characters")
  .refine((s) => !/[<>]/.test(s), "must not contain markup characters");

const url = z
  .string()
  .max(2048, "must be at most 2048 characters")
  .refine(isHttpUrl, "must be an absolute http(s) URL");

const amountUsd = z
  .union([z.number(), z.string().regex(CENTS, "must be a decimal number")])
  .transform((v) => Number(v))
  .refine((v) => Number.isFinite(v) && v > 0 && v <= 1_000_000, "must be more than 0 and at most 1,000,000")
  .refine((v) => Math.round(v * 100) / 100 === v, "must have at most 2 decimals");

const schema = z.object({
  productUuid: z.string().regex(UUID, "must be a UUID").optional(),
  productReference: z.string().min(1, "must not be empty").max(100).optional(),
  productName: productName.optional(),
  description: description.optional(),
  price: z
    .number()
    .refine((v) => Number.isFinite(v) && v > 0, "must be more than 0")
    .optional(),
  reference: z.string().regex(REFERENCE, "must be 1 to 100 of A-Z a-z 0-9 . _ : @ -").optional(),
  successUrl: url.optional(),
  cancelUrl: url.optional(),
  customerUuid: z.string().regex(UUID, "must be a UUID").optional(),
  customerReference: z
    .string()
    .min(1)
    .max(100)
    .refine((s) => !LINE_CONTROLS.test(s), "must not contain control characters")
    .optional(),
  expiresInMinutes: z
    .number()
    .int("must be a whole number")
    .refine((v) => v === 0 || (v >= 10 && v <= 1440), "must be between 10 and 1440")
    .optional(),
  fees: z
    .object({
      processingFee: z.boolean().optional(),
      items: z
        .array(
          z.object({
            label: z.string().min(1, "must not be empty").max(40, "must be at most 40 characters"),
            description: z.string().max(200, "must be at most 200 characters").optional(),
            amountUsd,
          }),
        )
        .max(10, "must have at most 10 items")
        .optional(),
    })
    .optional(),
});

export type SessionInput = z.output<typeof schema>;

/** QBitFlow's fee rate, used to gross up `processingFee` (spec §2.1: 1.5 %). */
export const PLATFORM_FEE_PERCENT = 1.5;

export interface ValidatedSession {
  input: SessionInput;
  fees: { processingFee: boolean; items: FeeLine[] } | null;
}

export function validateSessionInput(body: Record<string, unknown>, mode: Mode): ValidatedSession {
  const parsed = schema.safeParse(stripNulls(body));
  const errors: FieldError[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        field: issue.path.map(String).join(".") || "body",
        message: issue.code === "invalid_type" ? `must be a ${String(issue.expected)}` : issue.message,
      }));
  if (!parsed.success) throw validationFailed(errors);
  const input = parsed.data;

  const inline = input.productName !== undefined || input.price !== undefined;
  const choices = [input.productUuid !== undefined, input.productReference !== undefined, inline];
  if (choices.filter(Boolean).length !== 1) {
    errors.push({
      field: "product",
      message:
        "give exactly one of productUuid, productReference, or an inline product (productName + price)",
    });
  } else if (inline) {
    if (input.productName === undefined)
      errors.push({ field: "productName", message: "is required for an inline product" });
    if (input.price === undefined)
      errors.push({ field: "price", message: "is required for an inline product" });
  }
  if (mode === "live") {
    for (const field of ["successUrl", "cancelUrl"] as const) {
      const value = input[field];
      if (value !== undefined && !value.startsWith("https://")) {
        errors.push({ field, message: "must use https with a live key" });
      }
    }
  }
  if (errors.length > 0) throw validationFailed(errors);
  const fees = input.fees
    ? {
        processingFee: input.fees.processingFee ?? false,
        items: (input.fees.items ?? []).map((item) => ({
          label: item.label,
          ...(item.description !== undefined ? { description: item.description } : {}),
          amountUsd: item.amountUsd,
        })),
      }
    : null;
  return { input, fees };
}

/** price + fee lines, grossed up for the processing fee when asked (spec §2.1 example). */
export function totalAmount(price: number, fees: ValidatedSession["fees"]): number {
  const base = price + (fees?.items.reduce((sum, item) => sum + item.amountUsd, 0) ?? 0);
  const total = fees?.processingFee ? base / (1 - PLATFORM_FEE_PERCENT / 100) : base;
  return Math.round(total * 100) / 100;
}

export function assertTestModeCap(amount: number, mode: Mode): void {
  if (mode === "test" && amount > TEST_MODE_MAX_USD) {
    throw validationFailed(
      [{ field: "price", message: `the total must be at most ${TEST_MODE_MAX_USD} USD in test mode` }],
      { max: TEST_MODE_MAX_USD },
    );
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const parsed = new URL(value);
    return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.host !== "";
  } catch {
    return false;
  }
}

/** JSON null means "not given" for optional fields, as the SDKs' compact() bodies assume. */
function stripNulls(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null));
}
