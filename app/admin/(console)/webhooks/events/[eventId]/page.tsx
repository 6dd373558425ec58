// One stored event: how processing went, every delivery that carried it, the payload, Replay.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, OrderStatusBadge, OutcomeBadge } from "@/components/admin/shared/badge";
import { Card, Details } from "@/components/admin/shared/card";
import { eventState } from "@/components/admin/webhooks/event-list";
import { formatDateTime } from "@/components/admin/shared/format";
import { PayloadViewer } from "@/components/admin/webhooks/payload-viewer";
import { ReplayForm } from "@/components/admin/webhooks/replay-form";
import { requireAdmin } from "@/lib/admin/session/session";
import { getWebhookEvent } from "@/lib/admin/webhooks/webhook-queries";
import { orderCode } from "@/lib/order-id";

export const metadata: Metadata = { title: "Webhook event" };

export default async function AdminWebhookEventPage({ params }: { params: Promise<{ eventId: string }> }) {
  await requireAdmin();
  const { eventId } = await params;
  const event = await getWebhookEvent(eventId);
  if (!event) notFound();

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Link href="/admin/webhooks" className="text-sm text-muted hover:text-ink">
          ← Webhook inbox
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="font-display text-3xl font-semibold tracking-tight">{event.type}</h1>
          {eventState(event)}
          {event.unmatched ? <Badge tone="warn">Unmatched</Badge> : null}
        </div>
        <p className="font-mono text-sm break-all text-muted">{event.eventId}</p>
      </div>

      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <div className="space-y-6">
          <Card title="Processing">
            <Details
              rows={[
                ["First received", formatDateTime(event.receivedAt)],
                ["Processed", event.processedAt ? formatDateTime(event.processedAt) : "not yet"],
                ["Deliveries", String(event.attempts)],
                [
                  "Replays",
                  event.replays ? `${event.replays}, last ${formatDateTime(event.lastReplayedAt)}` : "none",
                ],
                [
                  "Order",
                  event.order ? (
                    <span className="flex items-center gap-2">
                      <Link
                        href={`/admin/orders/${event.order.id}`}
                        className="font-mono text-brand hover:underline"
                      >
                        {orderCode(event.order.id)}
                      </Link>
                      <OrderStatusBadge status={event.order.status} />
                    </span>
                  ) : event.unmatched ? (
                    "no order matches its reference or session"
                  ) : null,
                ],
                [
                  "Last error",
                  event.lastError ? (
                    <span className="font-mono text-xs text-red-700">{event.lastError}</span>
                  ) : null,
                ],
              ]}
            />
          </Card>

          <Card title="Replay">
            <ReplayForm eventId={event.eventId} />
          </Card>

          <Card title="Deliveries" flush>
            {event.deliveries.length === 0 ? (
              <p className="px-5 py-4 text-sm text-muted">Received before the delivery log existed.</p>
            ) : (
              <ul className="divide-y divide-line">
                {event.deliveries.map((delivery) => (
                  <li
                    key={delivery.id}
                    className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm"
                  >
                    <Link
                      href={`/admin/webhooks/deliveries/${delivery.id}`}
                      className="text-brand hover:underline"
                    >
                      {formatDateTime(delivery.receivedAt)}
                    </Link>
                    <span className="flex items-center gap-2 text-xs text-muted">
                      HTTP {delivery.httpStatus}
                      <OutcomeBadge outcome={delivery.outcome} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>

        <Card title="Payload" flush className="self-start">
          <PayloadViewer raw={event.rawBody} label="Event payload" />
        </Card>
      </div>
    </div>
  );
}
