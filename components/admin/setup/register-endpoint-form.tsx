"use client";
// "Register": creates the webhook endpoint for this shop's URL in QBitFlow (once; idempotent by
// URL) and shows its signing secret, which QBitFlow shows only this once.
import { useActionState } from "react";
import { registerEndpoint } from "@/lib/admin/setup/actions";
import { ActionMessage } from "@/components/admin/shared/action-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function RegisterEndpointForm() {
  const [state, formAction] = useActionState(registerEndpoint, null);
  const secret = state?.data?.secret;
  return (
    <form action={formAction} className="space-y-3 text-sm">
      <p>QBitFlow has no webhook endpoint for this shop yet, so it cannot tell the shop about payments.</p>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Registering…">Register the webhook endpoint</SubmitButton>
        <ActionMessage id="register-message" state={state} />
      </div>
      {secret ? (
        <div className="space-y-2 rounded-xl border border-warn/25 bg-warn-soft p-4">
          <p>
            Set this as <code className="font-mono">QBITFLOW_WEBHOOK_SECRET</code> where the shop runs
            (Vercel: Settings → Environment Variables), then redeploy:
          </p>
          <output className="block font-mono break-all select-all">{secret}</output>
        </div>
      ) : null}
    </form>
  );
}
