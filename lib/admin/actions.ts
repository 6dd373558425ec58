"use server";
// The admin's server actions: log in and out, close a review, replay a webhook event, reconcile
// now, retry an outbox job, start a refund, restock with an open refund. Every export of a
// 'use server' file is an endpoint anyone can POST to, so only actions live here; each passes the
// session cookie to its *-operations.ts, which refuses without a valid one, and the login logic
// is in login.ts.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { FormResult } from "@/lib/form-result";
import type { ReconcileReport } from "@/lib/orders/reconcile";
import { clientAddress } from "@/lib/client-address";
import { kick } from "@/lib/background";
import { markOrderReviewed, reconcileNow, replayEvent, type ReplayReport } from "./console-operations";
import { retryOutboxJob } from "./job-operations";
import { refundOrder, restockWithRefund } from "./refund-operations";
import { attemptLogin } from "./login";
import { clearSessionCookie, readSessionToken, setSessionCookie } from "./session";

export async function login(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const result = await attemptLogin(formData, clientAddress(await headers()));
  if (!result.ok) return result;
  await setSessionCookie(result.token);
  // Outside any try/catch: redirect() works by throwing.
  redirect(result.next);
}

/** Needs no session: ending one that does not exist changes nothing. */
export async function logout(): Promise<void> {
  await clearSessionCookie();
  redirect("/admin/login");
}

export async function markReviewed(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const result = await markOrderReviewed(await readSessionToken(), formData);
  if (result.ok) revalidatePath(`/admin/orders/${String(formData.get("orderId"))}`);
  return result;
}

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

/** Retry an outbox job (an email, the fulfilment call) from the order page or the dead jobs. */
export async function retryJob(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const result = await retryOutboxJob(await readSessionToken(), formData);
  if (result.ok) {
    kick("jobs-written"); // runs it where no dispatcher lives in the server (Vercel)
    revalidatePath("/admin", "layout");
  }
  return result;
}

/** Start a refund of a paid order (full or partial) through QBitFlow. */
export async function refund(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const result = await refundOrder(await readSessionToken(), formData);
  // A refusal may still have taught the order something (a refund started elsewhere): re-read it.
  if (!result.signedOut) revalidatePath(`/admin/orders/${String(formData.get("orderId"))}`);
  return result;
}

/** Put an open refund's units back in stock when it completes (a customer's request, mostly). */
export async function restockRefund(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const result = await restockWithRefund(await readSessionToken(), formData);
  if (result.ok) revalidatePath(`/admin/orders/${String(formData.get("orderId"))}`);
  return result;
}
