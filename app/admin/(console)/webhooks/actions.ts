"use server";
// Webhook inbox actions of the admin. Only actions live here; each checks the session in
// lib/admin/.
import { revalidatePath } from "next/cache";
import type { FormResult } from "@/lib/form-result";
import { reconcileNow, replayEvent, type ReplayReport } from "@/lib/admin/console-operations";
import { readSessionToken } from "@/lib/admin/session";
import type { ReconcileReport } from "@/lib/orders/reconcile";

export async function replay(
  _previous: FormResult<ReplayReport> | null,
  formData: FormData,
): Promise<FormResult<ReplayReport>> {
  const result = await replayEvent(await readSessionToken(), formData);
  if (result.ok) revalidatePath("/admin", "layout");
  return result;
}

export async function reconcile(
  _previous: FormResult<ReconcileReport> | null,
): Promise<FormResult<ReconcileReport>> {
  const result = await reconcileNow(await readSessionToken());
  if (result.data?.changed.length) revalidatePath("/admin", "layout");
  return result;
}
