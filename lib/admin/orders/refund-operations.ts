// The admin's Refund form, apart from the 'use server' boundary: the session, the form's rules
// (QBitFlow's: 0 < percent ≤ 100 with at most two decimals, texts of at most 500 characters),
// then lib/orders/start-refund.ts. Every refusal is a sentence beside its field.
import "server-only";
import { z } from "zod";
import { invalidForm, type FormResult } from "@/lib/form-result";
import { isOrderId } from "@/lib/order-id";
import { restockWhenRefunded } from "@/lib/orders/restock-with-refund";
import { startRefund } from "@/lib/orders/start-refund";
import type { QBitFlowClient } from "@/lib/qbitflow";
import { isAdminSession, SIGNED_OUT } from "@/lib/admin/session/session";

const text = (label: string) =>
  z
    .string()
    .trim()
    .max(500, `Keep the ${label} under 500 characters (QBitFlow's limit).`)
    .transform((value) => value || null);

export const refundForm = z.object({
  orderId: z.string().refine(isOrderId, "Unknown order."),
  percent: z
    .string()
    .trim()
    .min(1, { error: "Enter the percent to refund (100 for the whole payment).", abort: true })
    .regex(/^\d{1,3}(\.\d{1,2})?$/, "Enter a number with at most two decimals, such as 100 or 12.5.")
    .transform(Number)
    .refine((value) => value > 0, "The percent must be more than 0.")
    .refine((value) => value <= 100, "A refund is at most 100% of the payment."),
  reason: text("reason"),
  merchantMessage: text("message"),
  restock: z.literal("on").optional(),
});

/** Starts the refund; the page then shows it waiting for the merchant's signature in QBitFlow. */
export async function refundOrder(
  session: string | undefined,
  formData: FormData,
  client?: QBitFlowClient,
): Promise<FormResult> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  const full = formData.get("amount") === "full";
  const parsed = refundForm.safeParse({
    orderId: formData.get("orderId"),
    percent: full ? "100" : (formData.get("percent") ?? ""),
    reason: formData.get("reason") ?? "",
    merchantMessage: formData.get("merchantMessage") ?? "",
    restock: formData.get("restock") ?? undefined,
  });
  if (!parsed.success) return invalidForm(parsed.error);
  const { orderId, percent, reason, merchantMessage, restock } = parsed.data;
  const result = await startRefund(
    { orderId, percent, reason, merchantMessage, restock: restock === "on" },
    client,
  );
  if (!result.ok) {
    return {
      ok: false,
      message: result.message,
      ...(result.field ? { fieldErrors: { [result.field]: [result.message] } } : {}),
    };
  }
  return {
    ok: true,
    message: `Refund ${result.refundId} started. No money moves until you sign the transfer in QBitFlow's dashboard.`,
  };
}

/** For an open refund: its order's units go back in stock when it completes. */
export async function restockWithRefund(
  session: string | undefined,
  formData: FormData,
): Promise<FormResult> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  const orderId = String(formData.get("orderId") ?? "");
  if (!isOrderId(orderId)) return { ok: false, message: "Unknown order." };
  const result = await restockWhenRefunded(orderId);
  if (!result.ok) return result;
  return { ok: true, message: "The units go back in stock when the refund completes." };
}
