"use client";
// "Reconcile now": runs the sweep (ask QBitFlow about every open order) and lists what changed.
import Link from "next/link";
import { useActionState } from "react";
import { reconcile } from "@/lib/admin/webhooks/actions";
import { ActionMessage } from "@/components/admin/shared/action-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { orderCode } from "@/lib/order-id";

export function ReconcileForm() {
  const [state, formAction] = useActionState(reconcile, null);
  const report = state?.data;
  return (
    <form action={formAction} className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton variant="secondary" pendingLabel="Reconciling…">
          Reconcile now
        </SubmitButton>
        <ActionMessage id="reconcile-message" state={state} />
      </div>
      {report && (report.changed.length > 0 || report.failed.length > 0) ? (
        <ul className="space-y-1 text-sm" aria-label="Reconciliation changes">
          {report.changed.map((change, index) => (
            <li key={`${change.orderId}-${index}`}>
              <Link href={`/admin/orders/${change.orderId}`} className="font-mono text-brand hover:underline">
                {orderCode(change.orderId)}
              </Link>{" "}
              {change.from} → {change.to}
            </li>
          ))}
          {report.failed.map((failure) => (
            <li key={failure.orderId} className="text-red-700">
              <Link href={`/admin/orders/${failure.orderId}`} className="font-mono underline">
                {orderCode(failure.orderId)}
              </Link>{" "}
              could not be checked: {failure.error}
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
