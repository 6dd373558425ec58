"use server";
// The admin's outbox action: retry a job (an email, the fulfilment call) from the order page or
// the dead jobs. An endpoint anyone can POST to: job-operations.ts refuses without a session.
import { revalidatePath } from "next/cache";
import { kick } from "@/lib/background";
import type { FormResult } from "@/lib/form-result";
import { readSessionToken } from "@/lib/admin/session/session";
import { retryOutboxJob } from "./job-operations";

export async function retryJob(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const result = await retryOutboxJob(await readSessionToken(), formData);
  if (result.ok) {
    kick("jobs-written"); // runs it where no dispatcher lives in the server (Vercel)
    revalidatePath("/admin", "layout");
  }
  return result;
}
