"use server";
// The admin's webhook actions: replay a stored event, reconcile open orders now (what a missed
// webhook would have told). Every export of a 'use server' file is an endpoint anyone can POST
// to, so only actions live here; webhook-operations.ts refuses without a valid session.
import { revalidatePath } from "next/cache";
import type { FormResult } from "@/lib/form-result";
import type { ReconcileReport } from "@/lib/orders/reconcile";
import { readSessionToken } from "@/lib/admin/session/session";
import { reconcileNow, replayEvent, type ReplayReport } from "./webhook-operations";

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
