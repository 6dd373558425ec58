"use client";
// Works without JavaScript: a plain post to the server action, which redirects on success.
import { useActionState } from "react";
import { login } from "@/lib/admin/session/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function LoginForm({ next }: { next?: string }) {
  const [state, formAction] = useActionState(login, null);
  const invalid = Boolean(state && !state.ok);
  return (
    <form action={formAction} className="mt-6 space-y-4">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <div className="space-y-1.5">
        <label htmlFor="admin-password" className="text-sm font-medium">
          Password
        </label>
        <input
          id="admin-password"
          name="password"
          type="password"
          required
          autoComplete="current-password"
          autoFocus
          aria-invalid={invalid || undefined}
          aria-describedby="login-message"
          className="w-full rounded-xl border border-line bg-surface px-3.5 py-2.5 text-sm shadow-xs focus:border-brand"
        />
      </div>
      <FormMessage id="login-message" tone={invalid ? "error" : null}>
        {state?.message}
      </FormMessage>
      <SubmitButton pendingLabel="Logging in…" className="w-full">
        Log in
      </SubmitButton>
    </form>
  );
}
