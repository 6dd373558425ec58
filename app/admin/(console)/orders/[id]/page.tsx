// One order, everything the merchant needs to answer "did this customer pay, and did my server
// hear about it?": items and amounts, the payment on chain, the status history, the webhook
// events, the review flag, and the refund.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderStatusBadge, RefundBadge, ReviewBadge } from "@/components/admin/shared/badge";
import { Card, Details } from "@/components/admin/shared/card";
import { EventList } from "@/components/admin/webhooks/event-list";
import { JobList } from "@/components/admin/jobs/job-list";
import { formatDateTime } from "@/components/admin/shared/format";
import { RefundPanel } from "@/components/admin/orders/refund-panel";
import { ReviewForm } from "@/components/admin/orders/review-form";
import { StatusHistory } from "@/components/admin/orders/status-history";
import { Price } from "@/components/ui/price";
import { getOrderJobs } from "@/lib/admin/jobs/job-queries";
import { getAdminOrder } from "@/lib/admin/orders/order-queries";
import { requireAdmin } from "@/lib/admin/session/session";
import { isOrderId, orderCode } from "@/lib/order-id";
import { chainName } from "@/lib/qbitflow/chain-name";
import { dashboardUrl } from "@/lib/qbitflow/dashboard";

export const metadata: Metadata = { title: "Order" };

const mono = "font-mono text-xs break-all";

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const order = isOrderId(id) ? await getAdminOrder(id) : null;
  if (!order) notFound();
  const jobs = await getOrderJobs(order.id);

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Link href="/admin/orders" className="text-sm text-muted hover:text-ink">
          ← Orders
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="font-display text-3xl font-semibold tracking-tight">Order {orderCode(order.id)}</h1>
          <OrderStatusBadge status={order.status} />
          <ReviewBadge needsReview={order.needsReview} reviewedAt={order.reviewedAt} />
          <RefundBadge status={order.refundStatus} />
        </div>
        <p className="text-sm text-muted">
          <span className="font-mono">{order.id}</span> · created {formatDateTime(order.createdAt)}
        </p>
      </div>

      {order.needsReview ? (
        <section
          aria-label="Review"
          className={`rounded-2xl border p-5 ${order.reviewedAt ? "border-line bg-surface" : "border-warn/30 bg-warn-soft"}`}
        >
          <h2 className="font-semibold">{order.reviewedAt ? "Reviewed" : "Needs review"}</h2>
          <p className="mt-1 text-sm">{order.reviewReason ?? "Flagged for a person to check."}</p>
          {order.reviewedAt ? (
            <p className="mt-2 text-sm text-muted">
              Marked reviewed {formatDateTime(order.reviewedAt)}
              {order.reviewNote ? `: ${order.reviewNote}` : "."}
            </p>
          ) : null}
          <div className={order.reviewedAt ? "mt-1" : "mt-4"}>
            <ReviewForm orderId={order.id} open={!order.reviewedAt} />
          </div>
        </section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-6">
          <Card title="Items" flush>
            <ul className="divide-y divide-line text-sm">
              {order.items.map((item) => (
                <li key={item.id} className="flex justify-between gap-4 px-5 py-3">
                  <span>
                    {item.quantity} × {item.name}
                    {item.variantTitle ? ` · ${item.variantTitle}` : ""}{" "}
                    <span className="text-muted">
                      at <Price cents={item.unitPriceCents} />
                      {item.sku ? <span className="font-mono"> · SKU {item.sku}</span> : null}
                    </span>
                  </span>
                  <Price cents={item.unitPriceCents * item.quantity} />
                </li>
              ))}
            </ul>
            <div className="flex justify-between border-t border-line px-5 py-3 font-semibold">
              <span>Total</span>
              <Price cents={order.totalCents} />
            </div>
          </Card>

          <Card title="Status history">
            <StatusHistory changes={order.statusChanges} />
          </Card>

          <Card title="Webhook events" flush>
            <EventList events={order.webhookEvents} />
          </Card>
          <Card title="Emails and follow-up" flush>
            <JobList jobs={jobs} />
          </Card>
        </div>

        <div className="space-y-6">
          <RefundPanel order={order} dashboardUrl={dashboardUrl()} />
          <Card title="Payment">
            <Details
              rows={[
                ["Total", <Price key="total" cents={order.totalCents} />],
                [
                  "Paid (USD)",
                  order.amountPaidUsd ? (
                    <span className="tabular-nums" title="What the customer paid, network fee included">
                      ${order.amountPaidUsd.toFixed()}
                    </span>
                  ) : null,
                ],
                ["Paid at", order.paidAt ? formatDateTime(order.paidAt) : null],
                [
                  "Network",
                  order.chain
                    ? `${chainName(order.chain)}${order.currencySymbol ? `, ${order.currencySymbol}` : ""}`
                    : null,
                ],
                [
                  "Tx hash",
                  order.txHash ? (
                    order.explorerUrl ? (
                      <a
                        href={order.explorerUrl}
                        target="_blank"
                        rel="noreferrer"
                        className={`${mono} text-brand underline underline-offset-2`}
                      >
                        {order.txHash}
                      </a>
                    ) : (
                      <span className={mono}>{order.txHash}</span>
                    )
                  ) : null,
                ],
                [
                  "Session",
                  order.qbitflowSessionId ? <span className={mono}>{order.qbitflowSessionId}</span> : null,
                ],
                [
                  "Checkout",
                  order.checkoutLink ? (
                    <a
                      href={order.checkoutLink}
                      target="_blank"
                      rel="noreferrer"
                      className={`${mono} text-brand underline`}
                    >
                      {order.checkoutLink}
                    </a>
                  ) : null,
                ],
                ["Expires", order.expiresAt ? formatDateTime(order.expiresAt) : null],
                ["Stock", order.stockState.toLowerCase()],
              ]}
            />
          </Card>

          <Card title="Customer">
            <Details
              rows={[
                ["Email", order.email],
                [
                  "Order page",
                  <Link key="page" href={`/orders/${order.id}`} className="text-brand underline">
                    View as customer
                  </Link>,
                ],
              ]}
            />
          </Card>

          {order.lastAttemptAt || order.startErrorCode ? (
            <Card title="Problems">
              <Details
                rows={[
                  ...(order.lastAttemptAt
                    ? ([
                        [
                          "Last attempt",
                          `${order.lastAttemptCode ?? "failed"}: ${order.lastAttemptMessage ?? "no message"} (${formatDateTime(order.lastAttemptAt)})`,
                        ],
                      ] as [string, string][])
                    : []),
                  ...(order.startErrorCode
                    ? ([["Start error", `${order.startErrorCode}: ${order.startErrorMessage ?? ""}`]] as [
                        string,
                        string,
                      ][])
                    : []),
                ]}
              />
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
