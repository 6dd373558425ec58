// The checkout form's server side: validate the form, then place the order from the cart's
// lines (never from form fields: a price or quantity posted by the browser is ignored).
import "server-only";
import { z } from "zod";
import { startCheckout, type CheckoutDependencies } from "@/lib/orders/start-checkout";
import type { ActionResult } from "./cart-actions-core";
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
  dependencies?: CheckoutDependencies,
): Promise<(ActionResult & { ok: false }) | { ok: true; orderId: string; link: string }> {
  const parsed = checkoutForm.safeParse({ email: formData.get("email") ?? "" });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    return { ok: false, message: fieldErrors.email?.[0] ?? "Check the form.", fieldErrors };
  }
  const result = await startCheckout({ lines, email: parsed.data.email }, dependencies);
  if (!result.ok) return { ok: false, message: result.message };
  return { ok: true, orderId: result.orderId, link: result.link };
}
