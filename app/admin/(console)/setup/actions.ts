"use server";
// The Setup page's action. Only actions live here; the session is checked in lib/setup/.
// No revalidatePath: the page would re-render without the Register form, and with it the secret
// QBitFlow shows only once; the merchant reloads after setting it.
import type { AdminActionResult } from "@/lib/admin/action-result";
import { readSessionToken } from "@/lib/admin/session";
import { registerEndpointForAdmin, type RegisteredEndpoint } from "@/lib/setup/app-setup";

export async function registerEndpoint(
  _previous: AdminActionResult<RegisteredEndpoint> | null,
): Promise<AdminActionResult<RegisteredEndpoint>> {
  return registerEndpointForAdmin(await readSessionToken());
}
