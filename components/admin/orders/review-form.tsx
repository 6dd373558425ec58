"use client";
// Closes an order's review with a note. Works without JavaScript (a plain post, then the page
// re-renders with the review closed). Stays mounted once the review is closed (without its
// fields) so the outcome stays on screen and is announced.
import { useActionState } from "react";
import { markReviewed } from "@/lib/admin/orders/actions";
import { ActionMessage } from "@/components/admin/shared/action-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function ReviewForm({ orderId, open }: { orderId: string; open: boolean }) {
  const [state, formAction] = useActionState(markReviewed, null);
  const message = <ActionMessage id="review-message" state={state} />;
  if (!open) return message;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="orderId" value={orderId} />
      <div className="space-y-1.5">
        <label htmlFor="review-note" className="text-sm font-medium">
          Note <span className="font-normal text-muted">(what you checked, what you did)</span>
        </label>
        <textarea
          id="review-note"
          name="note"
          rows={3}
          maxLength={1000}
          aria-describedby="review-message"
          className="w-full rounded-xl border border-line bg-surface px-3.5 py-2.5 text-sm"
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Saving…">Mark reviewed</SubmitButton>
        {message}
      </div>
    </form>
  );
}
