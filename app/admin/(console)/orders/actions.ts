"use server";
// Order actions of the admin. Only actions live here; each checks the session in lib/admin/.
import { revalidatePath } from "next/cache";
import type { AdminActionResult } from "@/lib/admin/action-result";
import { markOrderReviewed } from "@/lib/admin/admin-actions";
import { readSessionToken } from "@/lib/admin/session";

export async function markReviewed(
  _previous: AdminActionResult | null,
  formData: FormData,
): Promise<AdminActionResult> {
  const result = await markOrderReviewed(await readSessionToken(), formData);
  if (result.ok) revalidatePath(`/admin/orders/${String(formData.get("orderId"))}`);
  return result;
}
