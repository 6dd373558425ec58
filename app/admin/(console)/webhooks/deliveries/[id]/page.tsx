// One delivery as it arrived: headers, what we answered and why, and for a rejection the start
// of its body. A verified delivery links to its event.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OutcomeBadge, SignatureBadge } from "@/components/admin/shared/badge";
import { Card, Details } from "@/components/admin/shared/card";
import { formatDateTime } from "@/components/admin/shared/format";
import { PayloadViewer } from "@/components/admin/webhooks/payload-viewer";
import { requireAdmin } from "@/lib/admin/session/session";
import { getDelivery } from "@/lib/admin/webhooks/webhook-queries";

export const metadata: Metadata = { title: "Webhook delivery" };

function headerEntries(headers: unknown): [string, string][] {
  if (typeof headers !== "object" || headers === null) return [];
  return Object.entries(headers as Record<string, unknown>)
    .map(([name, value]): [string, string] => [name, String(value)])
    .sort(([a], [b]) => a.localeCompare(b));
}

export default async function AdminDeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const delivery = /^[0-9a-f-]{36}$/i.test(id) ? await getDelivery(id) : null;
  if (!delivery) notFound();
  const headers = headerEntries(delivery.headers);

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Link href="/admin/webhooks" className="text-sm text-muted hover:text-ink">
          ← Webhook inbox
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="font-display text-3xl font-semibold tracking-tight">Delivery</h1>
          <OutcomeBadge outcome={delivery.outcome} />
        </div>
        <p className="text-sm text-muted">{formatDateTime(delivery.receivedAt)}</p>
      </div>

      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <Card title="What we answered" className="self-start">
          <Details
            rows={[
              ["HTTP status", String(delivery.httpStatus)],
              ["Signature", <SignatureBadge key="signature" valid={delivery.signatureValid} />],
              [
                "Code",
                delivery.errorCode ? <span className="font-mono text-xs">{delivery.errorCode}</span> : null,
              ],
              ["Reason", delivery.reason],
              [
                "Event",
                delivery.webhookEvent ? (
                  <Link
                    href={`/admin/webhooks/events/${encodeURIComponent(delivery.webhookEvent.eventId)}`}
                    className="font-mono text-xs break-all text-brand hover:underline"
                  >
                    {delivery.webhookEvent.eventId}
                  </Link>
                ) : delivery.eventId ? (
                  <span className="font-mono text-xs break-all">
                    {delivery.eventId} (claimed, not verified)
                  </span>
                ) : null,
              ],
              ["Type", delivery.eventType],
            ]}
          />
        </Card>

        <Card title="Headers" flush>
          <table className="w-full text-left text-xs">
            <tbody className="divide-y divide-line">
              {headers.map(([name, value]) => (
                <tr key={name}>
                  <th scope="row" className="w-48 px-5 py-2 align-top font-mono font-medium text-muted">
                    {name}
                  </th>
                  <td className="px-5 py-2 font-mono break-all">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>

      {delivery.bodyExcerpt !== null ? (
        <Card title="Body (first 8 KiB)" flush>
          <PayloadViewer raw={delivery.bodyExcerpt} label="Delivery body" />
        </Card>
      ) : null}
    </div>
  );
}
