// What the admin console's actions (actions.ts) do, apart from the 'use server' boundary. Each
// takes the session cookie's value and refuses without a valid one, so the check is on the
// server for every action and the logic is testable without a request.
import "server-only";
import { z } from "zod";
import { invalidForm, type FormResult } from "@/lib/form-result";
import { isOrderId } from "@/lib/order-id";
import { closeReview } from "@/lib/orders/order-store";
import { reconcileOpenOrders, type ReconcileOptions, type ReconcileReport } from "@/lib/orders/reconcile";
import { replayWebhookEvent, type ReplayChange } from "@/lib/webhooks/replay";
import { isAdminSession, SIGNED_OUT } from "./session";

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

export interface ReplayReport {
  eventId: string;
  orderId: string | null;
  unmatched: boolean;
  changes: ReplayChange[];
}

const replayForm = z.object({ eventId: z.string().trim().min(1).max(200) });

export async function replayEvent(
  session: string | undefined,
  formData: FormData,
): Promise<FormResult<ReplayReport>> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  const parsed = replayForm.safeParse({ eventId: formData.get("eventId") });
  if (!parsed.success) return { ok: false, message: "Unknown event." };
  const result = await replayWebhookEvent(parsed.data.eventId);
  if (!result.ok) {
    const message =
      result.code === "failed"
        ? `Replay failed, nothing was changed: ${result.message}`
        : `Cannot replay: ${result.message}`;
    return { ok: false, message };
  }
  const { ok: _, ...data } = result;
  const message = result.changes.length
    ? `Replayed: ${result.changes.map((change) => `${change.from ?? "new"} → ${change.to}`).join(", ")}.`
    : result.unmatched
      ? "Replayed: still no order matches this event; nothing changed."
      : "Replayed: nothing changed (the event had already been applied).";
  return { ok: true, message, data };
}

export async function reconcileNow(
  session: string | undefined,
  options: ReconcileOptions = {},
): Promise<FormResult<ReconcileReport>> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  // A click means "now": ask about every open order, not only those quiet for 3 minutes.
  const report = await reconcileOpenOrders({ quietForMs: 0, ...options });
  const changed = report.changed.length;
  const message =
    `Checked ${report.checked} open ${report.checked === 1 ? "order" : "orders"}: ` +
    `${changed} changed` +
    (report.failed.length ? `, ${report.failed.length} could not be checked.` : ".");
  return { ok: report.failed.length === 0, message, data: report };
}
