"use client";
// "Retry": runs an outbox job again now (after fixing what made it fail, e.g. SMTP settings).
import { useActionState } from "react";
import { retryJob } from "@/lib/admin/jobs/actions";
import { ActionMessage } from "@/components/admin/shared/action-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function RetryJobForm({ jobId, label }: { jobId: string; label: string }) {
  const [state, formAction] = useActionState(retryJob, null);
  const messageId = `retry-${jobId}`;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="jobId" value={jobId} />
      <SubmitButton pendingLabel="Retrying…" variant="secondary">
        Retry<span className="sr-only"> {label}</span>
      </SubmitButton>
      <ActionMessage id={messageId} state={state} />
    </form>
  );
}
