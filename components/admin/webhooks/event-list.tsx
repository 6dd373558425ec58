// The webhook events that concern an order, each linked to its page in the inbox.
import Link from "next/link";
import type { AdminOrder } from "@/lib/admin/orders/order-queries";
import { Badge } from "@/components/admin/shared/badge";
import { formatDateTime } from "@/components/admin/shared/format";

type EventSummary = AdminOrder["webhookEvents"][number];

export function eventState(event: Pick<EventSummary, "processedAt" | "lastError">) {
  if (event.processedAt) return <Badge tone="ok">Processed</Badge>;
  if (event.lastError) return <Badge tone="bad">Failed</Badge>;
  return <Badge tone="neutral">Not processed</Badge>;
}

export function EventList({ events }: { events: EventSummary[] }) {
  if (events.length === 0) {
    return (
      <p className="px-5 py-6 text-sm text-muted">
        No webhook event has reached this store for this order yet.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-line">
      {events.map((event) => (
        <li
          key={event.eventId}
          className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm"
        >
          <div className="min-w-0">
            <Link
              href={`/admin/webhooks/events/${encodeURIComponent(event.eventId)}`}
              className="font-semibold text-brand hover:underline"
            >
              {event.type}
            </Link>
            <p className="truncate font-mono text-xs text-muted">{event.eventId}</p>
          </div>
          <div className="flex items-center gap-2 text-xs text-muted">
            <span>{formatDateTime(event.receivedAt)}</span>
            <span>
              {event.attempts} {event.attempts === 1 ? "delivery" : "deliveries"}
              {event.replays ? `, ${event.replays} replayed` : ""}
            </span>
            {eventState(event)}
          </div>
        </li>
      ))}
    </ul>
  );
}
