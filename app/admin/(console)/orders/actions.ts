"use server";
// Order actions of the admin. Only actions live here; each checks the session in lib/admin/.
import { revalidatePath } from "next/cache";
import type { FormResult } from "@/lib/form-result";
import { markOrderReviewed } from "@/lib/admin/console-operations";
import { readSessionToken } from "@/lib/admin/session";

export async function markReviewed(_previous: FormResult | null, formData: FormData): Promise<FormResult> {
  const result = await markOrderReviewed(await readSessionToken(), formData);
  if (result.ok) revalidatePath(`/admin/orders/${String(formData.get("orderId"))}`);
  return result;
}
