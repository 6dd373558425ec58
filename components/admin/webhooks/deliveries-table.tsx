import Link from "next/link";
import type { DeliveryListRow } from "@/lib/admin/webhooks/webhook-queries";
import { orderCode } from "@/lib/order-id";
import { AdminTable } from "@/components/admin/shared/admin-table";
import { Badge, OutcomeBadge, SignatureBadge } from "@/components/admin/shared/badge";
import { formatDateTime, shorten } from "@/components/admin/shared/format";

export function DeliveriesTable({ rows }: { rows: DeliveryListRow[] }) {
  return (
    <AdminTable
      columns={[
        { label: "Received" },
        { label: "Event" },
        { label: "Signature" },
        { label: "Outcome" },
        { label: "Attempts" },
        { label: "Order" },
      ]}
      empty="No deliveries match."
      rowCount={rows.length}
    >
      {rows.map((row) => {
        const event = row.webhookEvent;
        return (
          <tr key={row.id} className="align-top transition-colors hover:bg-canvas/60">
            <td className="px-5 py-3 whitespace-nowrap">
              <Link href={`/admin/webhooks/deliveries/${row.id}`} className="text-brand hover:underline">
                {formatDateTime(row.receivedAt)}
              </Link>
              <p className="text-xs text-muted">HTTP {row.httpStatus}</p>
            </td>
            <td className="max-w-72 px-3 py-3">
              {event ? (
                <Link
                  href={`/admin/webhooks/events/${encodeURIComponent(event.eventId)}`}
                  className="font-semibold text-brand hover:underline"
                >
                  {row.eventType}
                </Link>
              ) : (
                <span className="font-semibold">{row.eventType ?? "unreadable"}</span>
              )}
              <p className="truncate font-mono text-xs text-muted" title={row.eventId ?? undefined}>
                {row.eventId ? shorten(row.eventId, 14, 6) : "no event id"}
                {event ? "" : row.eventId ? " (claimed)" : ""}
              </p>
            </td>
            <td className="px-3 py-3">
              <SignatureBadge valid={row.signatureValid} />
            </td>
            <td className="px-3 py-3">
              <span className="flex flex-wrap gap-1.5">
                <OutcomeBadge outcome={row.outcome} />
                {event?.unmatched ? <Badge tone="warn">Unmatched</Badge> : null}
              </span>
              {row.errorCode ? <p className="mt-1 font-mono text-xs text-muted">{row.errorCode}</p> : null}
              {row.repeatCount > 1 ? (
                <p className="text-xs text-muted">×{row.repeatCount} from the same address</p>
              ) : null}
            </td>
            <td className="px-3 py-3 tabular-nums">{event ? event.attempts : "—"}</td>
            <td className="px-5 py-3">
              {event?.orderId ? (
                <Link
                  href={`/admin/orders/${event.orderId}`}
                  className="font-mono text-brand hover:underline"
                >
                  {orderCode(event.orderId)}
                </Link>
              ) : (
                <span className="text-muted">—</span>
              )}
            </td>
          </tr>
        );
      })}
    </AdminTable>
  );
}
