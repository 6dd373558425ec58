"use client";
import { useActionState } from "react";
import { cancelOrderAction } from "@/lib/cart/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * Works without JavaScript too: a plain post to the server action, and the page re-renders.
 * Stays mounted once the order is closed (without its button) so the outcome stays on screen.
 */
export function CancelOrderForm({
  orderId,
  sessionId,
  open,
}: {
  orderId: string;
  sessionId: string;
  open: boolean;
}) {
  const [state, formAction] = useActionState(cancelOrderAction, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="sessionId" value={sessionId} />
      {open ? (
        <SubmitButton variant="secondary" pendingLabel="Cancelling…">
          Cancel order
        </SubmitButton>
      ) : null}
      <FormMessage id="cancel-message" tone={state ? (state.ok ? "success" : "error") : null}>
        {state?.message}
      </FormMessage>
    </form>
  );
}
