// What the webhook page's actions (actions.ts) do, apart from the 'use server' boundary: replay a
// stored event, reconcile open orders now. Each takes the session cookie's value and refuses
// without a valid one, so the check is on the server and the logic is testable without a request.
import "server-only";
import { z } from "zod";
import type { FormResult } from "@/lib/form-result";
import { reconcileOpenOrders, type ReconcileOptions, type ReconcileReport } from "@/lib/orders/reconcile";
import { replayWebhookEvent, type ReplayChange } from "@/lib/webhooks/replay";
import { isAdminSession, SIGNED_OUT } from "@/lib/admin/session/session";

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
