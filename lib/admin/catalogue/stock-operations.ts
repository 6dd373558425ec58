// A person changing a variant's stock from the admin: "set to" a count or "adjust by" a change,
// always with a reason. The write (and its record of who, when, why) is the order store's.
import "server-only";
import { z } from "zod";
import { isAdminSession, SIGNED_OUT } from "@/lib/admin/session/session";
import { invalidForm, type FormResult } from "@/lib/form-result";
import { adjustVariantStock } from "@/lib/orders/order-store";
import { text } from "./form-fields";
import { idField } from "./form-result";

const stockForm = z
  .object({
    mode: z.enum(["set", "adjust"], "Choose set to or adjust by."),
    amount: z
      .string()
      .trim()
      .min(1, "Enter a number of units.")
      .regex(/^[+-]?\d{1,7}$/, "Enter a whole number of units, such as 12 or -3."),
    reason: z
      .string()
      .trim()
      .min(1, "Say why (a delivery, a stocktake, damaged…).")
      .max(200, "Keep the reason under 200 characters."),
  })
  .superRefine((form, context) => {
    const amount = Number(form.amount);
    if (form.mode === "set" && amount < 0) {
      context.addIssue({
        code: "custom",
        path: ["amount"],
        message: "Stock cannot be negative: set 0 or more.",
      });
    }
    if (form.mode === "adjust" && amount === 0) {
      context.addIssue({ code: "custom", path: ["amount"], message: "Adjust by a number other than 0." });
    }
  });

export async function adjustStockFromForm(
  session: string | undefined,
  formData: FormData,
  clientAddress: string,
): Promise<FormResult<{ stock: number; held: number }>> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  const parsed = stockForm.safeParse({
    mode: text(formData, "mode"),
    amount: text(formData, "amount"),
    reason: text(formData, "reason"),
  });
  if (!parsed.success) return invalidForm(parsed.error);
  const amount = Number(parsed.data.amount);
  const result = await adjustVariantStock({
    variantId: idField(formData, "variantId"),
    ...(parsed.data.mode === "set" ? { setTo: amount } : { delta: amount }),
    reason: parsed.data.reason,
    actor: `admin (${clientAddress})`,
  });
  if (!result.ok) {
    const field = result.code === "not_found" ? undefined : "amount";
    return {
      ok: false,
      message: result.message,
      ...(field ? { fieldErrors: { [field]: [result.message] } } : {}),
    };
  }
  return {
    ok: true,
    message:
      `Stock is now ${result.stock}` + (result.held ? ` (${result.held} more held by open orders).` : "."),
    data: { stock: result.stock, held: result.held },
  };
}
