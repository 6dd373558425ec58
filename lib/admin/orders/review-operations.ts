// Closing an order's review, apart from the 'use server' boundary (actions.ts): it takes the
// session cookie's value and refuses without a valid one, so the check is on the server and the
// logic is testable without a request.
import "server-only";
import { z } from "zod";
import { invalidForm, type FormResult } from "@/lib/form-result";
import { isOrderId } from "@/lib/order-id";
import { closeReview } from "@/lib/orders/order-store";
import { isAdminSession, SIGNED_OUT } from "@/lib/admin/session/session";

const reviewForm = z.object({
  orderId: z.string().refine(isOrderId, "Unknown order."),
  note: z.string().trim().max(1000, "Keep the note under 1000 characters."),
});

/** Closes a review: sets reviewedAt and the note. Never touches the order's status. */
export async function markOrderReviewed(
  session: string | undefined,
  formData: FormData,
): Promise<FormResult> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  const parsed = reviewForm.safeParse({ orderId: formData.get("orderId"), note: formData.get("note") ?? "" });
  if (!parsed.success) return invalidForm(parsed.error);
  const { orderId, note } = parsed.data;
  if (!(await closeReview(orderId, note || null))) {
    return { ok: false, message: "This order has no open review." };
  }
  return { ok: true, message: "Marked as reviewed." };
}
