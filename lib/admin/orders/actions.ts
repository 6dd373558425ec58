"use server";
// The admin's order actions: close a review, start a refund, restock with an open refund. Every
// export of a 'use server' file is an endpoint anyone can POST to, so only actions live here; each
// passes the session cookie to its *-operations.ts, which refuses without a valid one.
import { revalidatePath } from "next/cache";
import type { FormResult } from "@/lib/form-result";
import { readSessionToken } from "@/lib/admin/session/session";
import { refundOrder, restockWithRefund } from "./refund-operations";
import { markOrderReviewed } from "./review-operations";

export async function markReviewed(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const result = await markOrderReviewed(await readSessionToken(), formData);
  if (result.ok) revalidatePath(`/admin/orders/${String(formData.get("orderId"))}`);
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
