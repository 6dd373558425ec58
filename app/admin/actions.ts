"use server";
// Logging in and out of the admin. Only actions live here; the logic is in lib/admin/.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { FormResult } from "@/lib/form-result";
import { clientAddress } from "@/lib/admin/client-address";
import { attemptLogin } from "@/lib/admin/login";
import { clearSessionCookie, setSessionCookie } from "@/lib/admin/session";

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
