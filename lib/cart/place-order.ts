// The checkout form's server side: validate the form, then place the order from the cart's
// lines (never from form fields: a price or quantity posted by the browser is ignored). With
// the buyer, the same form posted twice is one order (its hidden `submission` key).
import "server-only";
import { z } from "zod";
import { invalidForm, type FormFailure } from "@/lib/form-result";
import {
  startCheckout,
  type CheckoutDependencies,
  type StartCheckoutResult,
} from "@/lib/orders/start-checkout";
import type { Buyer } from "@/lib/orders/order-store";
import { submissionKey } from "./buyer";
import type { CartLine } from "./cart-lines";

export const CHECKOUT_UNAVAILABLE =
  "We couldn't place your order just now. Nothing was charged: please try again in a moment.";

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
): Promise<
  | FormFailure
  | { ok: false; unavailable: true; message: string }
  | { ok: true; orderId: string; link: string }
> {
  const parsed = checkoutForm.safeParse({ email: formData.get("email") ?? "" });
  if (!parsed.success) return invalidForm(parsed.error, "email");
  const customer = buyer && { buyer, checkoutKey: submissionKey(formData.get("submission"), buyer, lines) };
  let result: StartCheckoutResult;
  try {
    result = await startCheckout({ lines, email: parsed.data.email, customer }, dependencies);
  } catch (error) {
    // The database (or something else of ours) failed: no payment session exists for the customer
    // to pay, so nothing was charged. An answer, not a throw: a form posted without JavaScript
    // would otherwise get Next's bare "Internal Server Error" instead of the store's page.
    console.error("[checkout] could not place the order:", error);
    return { ok: false, unavailable: true, message: CHECKOUT_UNAVAILABLE };
  }
  if (!result.ok) return { ok: false, message: result.message };
  return { ok: true, orderId: result.orderId, link: result.link };
}
