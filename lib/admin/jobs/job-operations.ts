// The admin's Retry for an outbox job: a dead job (or one waiting for its next attempt) runs again
// at once, with a fresh round of attempts. The session is checked here, on the server.
import "server-only";
import { z } from "zod";
import type { FormResult } from "@/lib/form-result";
import { retryJob } from "@/lib/outbox/queue";
import { wakeDispatchers } from "@/lib/outbox/wake";
import { isAdminSession, SIGNED_OUT } from "@/lib/admin/session/session";

const retryForm = z.object({ jobId: z.uuid() });

export async function retryOutboxJob(session: string | undefined, formData: FormData): Promise<FormResult> {
  if (!isAdminSession(session)) return SIGNED_OUT;
  const parsed = retryForm.safeParse({ jobId: formData.get("jobId") });
  if (!parsed.success) return { ok: false, message: "Unknown job." };
  if (!(await retryJob(parsed.data.jobId))) {
    return { ok: false, message: "This job is running or already done: nothing to retry." };
  }
  wakeDispatchers();
  return { ok: true, message: "Queued: it runs again in a moment." };
}
