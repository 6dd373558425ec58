// What an admin action said, in its form's live region; when the session had ended, with the
// way back to the login page.
import Link from "next/link";
import { FormMessage } from "@/components/ui/form-message";
import type { FormResult } from "@/lib/form-result";

export function ActionMessage({ id, state }: { id: string; state: FormResult<unknown> | null }) {
  return (
    <FormMessage id={id} tone={state ? (state.ok ? "success" : "error") : null}>
      {state?.message}{" "}
      {state?.signedOut ? (
        <Link href="/admin/login" className="underline">
          Log in
        </Link>
      ) : null}
    </FormMessage>
  );
}
