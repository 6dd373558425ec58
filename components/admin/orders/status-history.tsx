// An order's status history as the transition function wrote it: who applied each change
// (webhook, success page, status check, reconcile, …), why, and the event that carried it. A
// refund's move keeps the order PAID, so its row shows the refund's states instead.
import Link from "next/link";
import type { AdminOrder } from "@/lib/admin/orders/order-queries";
import { OrderStatusBadge, RefundBadge } from "@/components/admin/shared/badge";
import { formatDateTime } from "@/components/admin/shared/format";

export function StatusHistory({ changes }: { changes: AdminOrder["statusChanges"] }) {
  return (
    <ol className="space-y-4">
      {changes.map((change) => (
        <li key={change.id} className="relative flex gap-3 pl-1 text-sm">
          <span aria-hidden="true" className="mt-1.5 size-2.5 shrink-0 rounded-full bg-brand" />
          <div className="min-w-0 space-y-1">
            <p className="flex flex-wrap items-center gap-1.5">
              {change.toRefund ? (
                <>
                  {change.fromRefund &&
                  change.fromRefund !== "NONE" &&
                  change.fromRefund !== change.toRefund ? (
                    <>
                      <RefundBadge status={change.fromRefund} />
                      <span aria-label="to">→</span>
                    </>
                  ) : null}
                  <RefundBadge status={change.toRefund} />
                </>
              ) : (
                <>
                  {change.fromStatus ? (
                    <>
                      <OrderStatusBadge status={change.fromStatus} />
                      <span aria-label="to">→</span>
                    </>
                  ) : null}
                  <OrderStatusBadge status={change.toStatus} />
                </>
              )}
              <span className="text-muted">by {change.source.replace(/_/g, " ")}</span>
            </p>
            {change.reason ? <p className="text-muted">{change.reason}</p> : null}
            <p className="text-xs text-muted">
              {formatDateTime(change.createdAt)}
              {change.eventId ? (
                <>
                  {" · "}
                  <Link
                    href={`/admin/webhooks/events/${encodeURIComponent(change.eventId)}`}
                    className="font-mono text-brand hover:underline"
                  >
                    {change.eventId}
                  </Link>
                </>
              ) : null}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
