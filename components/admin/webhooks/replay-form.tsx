"use client";
// "Replay": re-runs the event's processing and says what it changed (usually: nothing).
import { useActionState } from "react";
import { replay } from "@/lib/admin/webhooks/actions";
import { ActionMessage } from "@/components/admin/shared/action-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function ReplayForm({ eventId }: { eventId: string }) {
  const [state, formAction] = useActionState(replay, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="eventId" value={eventId} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Replaying…">Replay</SubmitButton>
        <ActionMessage id="replay-message" state={state} />
      </div>
      <p className="text-xs text-muted">
        Runs this event through the same handler as a delivery. Safe to repeat: news the order has already had
        changes nothing.
      </p>
    </form>
  );
}
