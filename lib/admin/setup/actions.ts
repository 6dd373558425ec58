"use server";
// The Setup page's action. Only actions live here; the session is checked in app-setup.ts.
// No revalidatePath: the page would re-render without the Register form, and with it the secret
// QBitFlow shows only once; the merchant reloads after setting it.
import type { FormResult } from "@/lib/form-result";
import { readSessionToken } from "@/lib/admin/session/session";
import { registerEndpointForAdmin, type RegisteredEndpoint } from "./app-setup";

export async function registerEndpoint(
  _previous: FormResult<RegisteredEndpoint> | null,
): Promise<FormResult<RegisteredEndpoint>> {
  return registerEndpointForAdmin(await readSessionToken());
}
