"use client";
// On an open refund whose units stay sold (a customer's request, or a refund started without the
// box ticked): one button to put them back in stock when it completes. Works without JavaScript;
// stays mounted after success so the outcome is announced.
import { useActionState } from "react";
import { restockRefund } from "@/lib/admin/orders/actions";
import { ActionMessage } from "@/components/admin/shared/action-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function RestockRefundForm({ orderId, asked }: { orderId: string; asked: boolean }) {
  const [state, formAction] = useActionState(restockRefund, null);
  const message = <ActionMessage id="restock-message" state={state} />;
  if (asked) return message;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="orderId" value={orderId} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Put the units back in stock when it completes
      </SubmitButton>
      {message}
    </form>
  );
}
