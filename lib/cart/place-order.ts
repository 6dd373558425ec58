// The checkout form's server side: validate the form, then place the order from the cart's
// lines (never from form fields: a price or quantity posted by the browser is ignored). With
// the buyer, the same form posted twice is one order (its hidden `submission` key).
import "server-only";
import { z } from "zod";
import { invalidForm, type FormFailure } from "@/lib/form-result";
import { startCheckout, type CheckoutDependencies } from "@/lib/orders/start-checkout";
import type { Buyer } from "@/lib/orders/store";
import { submissionKey } from "./buyer";
import type { CartLine } from "./cart-lines";

const checkoutForm = z.object({
  email: z
    .string()
    .trim()
    .max(254, "That email address is too long.")
    .pipe(z.union([z.literal(""), z.email("Enter a valid email address, or leave it empty.")]))
    .transform((value) => value || undefined),
});

export async function placeOrder(
  formData: FormData,
  lines: CartLine[],
  buyer?: Buyer,
  dependencies?: CheckoutDependencies,
): Promise<FormFailure | { ok: true; orderId: string; link: string }> {
  const parsed = checkoutForm.safeParse({ email: formData.get("email") ?? "" });
  if (!parsed.success) return invalidForm(parsed.error, "email");
  const customer = buyer && { buyer, checkoutKey: submissionKey(formData.get("submission"), buyer, lines) };
  const result = await startCheckout({ lines, email: parsed.data.email, customer }, dependencies);
  if (!result.ok) return { ok: false, message: result.message };
  return { ok: true, orderId: result.orderId, link: result.link };
}
