// The webhook inbox: every POST QBitFlow (or anyone) made to the webhook route, newest first,
// with what we answered; and the reconciliation sweep at a click.
import type { Metadata } from "next";
import { Card } from "@/components/admin/shared/card";
import { DeliveriesTable } from "@/components/admin/webhooks/deliveries-table";
import { AdminListPage } from "@/components/admin/shared/list-page";
import { ReconcileForm } from "@/components/admin/webhooks/reconcile-form";
import { RejectionSummary } from "@/components/admin/webhooks/rejection-summary";
import { SearchForm } from "@/components/admin/shared/search-form";
import {
  DELIVERY_FILTERS,
  parseDeliveryQuery,
  type DeliveryFilter,
} from "@/lib/admin/webhooks/delivery-filters";
import { requireAdmin } from "@/lib/admin/session/session";
import { DELIVERY_PAGE_SIZE, listDeliveries, rejectionCounts } from "@/lib/admin/webhooks/webhook-queries";
import { adminListUrl } from "@/components/admin/shared/list-url";

export const metadata: Metadata = { title: "Webhooks" };

const LABELS: Record<DeliveryFilter, string> = {
  all: "All",
  verified: "Verified",
  rejected: "Rejected",
  failed: "Failed",
  unmatched: "Unmatched",
};

function webhooksUrl(params: { show: string; q: string; page?: number }): string {
  return adminListUrl("/admin/webhooks", { show: params.show, q: params.q, page: params.page });
}

export default async function AdminWebhooksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin();
  const query = parseDeliveryQuery(await searchParams);
  const [list, rejected] = await Promise.all([listDeliveries(query), rejectionCounts(24)]);

  return (
    <AdminListPage
      title="Webhook inbox"
      description={
        <p className="text-sm text-muted">
          Every delivery to <code className="font-mono">/api/webhooks/qbitflow</code>: verified or rejected,
          and what processing made of it.
        </p>
      }
      above={
        <>
          <Card title="Rejected in the last 24 hours">
            <RejectionSummary counts={rejected} />
          </Card>

          <Card title="Reconciliation">
            <p className="mb-4 text-sm text-muted">
              Asks QBitFlow about every open order with a checkout session and applies what it says, for
              orders whose webhooks never arrived. The cron route runs the same sweep every 5 minutes.
            </p>
            <ReconcileForm />
          </Card>
        </>
      }
      filters={{
        label: "Delivery filter",
        current: query.show,
        tabs: DELIVERY_FILTERS.map((value) => ({
          value,
          label: LABELS[value],
          href: webhooksUrl({ show: value, q: query.q }),
        })),
      }}
      search={
        <SearchForm
          action="/admin/webhooks"
          label="Search deliveries"
          placeholder="Event id, event type or order id"
          value={query.q}
          keep={query.show === "all" ? {} : { show: query.show }}
        />
      }
      table={<DeliveriesTable rows={list.rows} />}
      pagination={{
        page: query.page,
        pageCount: list.pageCount,
        total: list.total,
        pageSize: DELIVERY_PAGE_SIZE,
        noun: ["deliveries", "delivery"],
        href: (page) => webhooksUrl({ ...query, page }),
      }}
    />
  );
}
