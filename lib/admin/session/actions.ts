"use server";
// The admin's session actions: log in and out. Every export of a 'use server' file is an endpoint
// anyone can POST to, so only actions live here; the login logic is in login.ts.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/client-address";
import type { FormResult } from "@/lib/form-result";
import { attemptLogin } from "./login";
import { clearSessionCookie, setSessionCookie } from "./session";

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
