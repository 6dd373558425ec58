// Orders: totals, filters, search, pages, and the CSV export.
import type { Metadata } from "next";
import { Card } from "@/components/admin/shared/card";
import { ExportForm } from "@/components/admin/orders/export-form";
import { AdminListPage } from "@/components/admin/shared/list-page";
import { OrdersTable } from "@/components/admin/orders/orders-table";
import { SearchForm } from "@/components/admin/shared/search-form";
import { StatCard } from "@/components/admin/shared/stat-card";
import {
  ORDER_FILTERS,
  PAGE_SIZE,
  parseOrderQuery,
  type OrderFilter,
} from "@/lib/admin/orders/order-filters";
import { listOrders, orderTotals } from "@/lib/admin/orders/order-queries";
import { requireAdmin } from "@/lib/admin/session/session";
import { formatCents } from "@/lib/money";
import { adminListUrl } from "@/components/admin/shared/list-url";

export const metadata: Metadata = { title: "Orders" };

const FILTER_LABELS: Record<OrderFilter, string> = {
  all: "All",
  PENDING: "Pending",
  CONFIRMING: "Confirming",
  PAID: "Paid",
  EXPIRED: "Expired",
  CANCELLED: "Cancelled",
  review: "Needs review",
  refunds: "Refund requests",
};

function ordersUrl(params: { status: string; q: string; page?: number }): string {
  return adminListUrl("/admin/orders", { status: params.status, q: params.q, page: params.page });
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;
const refunded = (cents: number) => (cents ? `, net of ${formatCents(cents)} refunded` : "");

export default async function AdminOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin();
  const query = parseOrderQuery(await searchParams);
  const totals = await orderTotals();
  const list = await listOrders(query);

  return (
    <AdminListPage
      title="Orders"
      above={
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <StatCard
            label="Paid today"
            value={formatCents(totals.today.cents)}
            hint={`${plural(totals.today.count, "order")} since 00:00 UTC${refunded(totals.today.refundedCents)}`}
          />
          <StatCard
            label="Paid, last 7 days"
            value={formatCents(totals.week.cents)}
            hint={`${plural(totals.week.count, "order")}${refunded(totals.week.refundedCents)}`}
          />
          <StatCard label="Open" value={totals.open} hint="pending or confirming" />
          <StatCard
            label="Needs review"
            value={totals.needsReview}
            hint={totals.needsReview ? "money arrived, something is off" : "nothing to check"}
          />
        </div>
      }
      filters={{
        label: "Order status",
        current: query.status,
        tabs: ORDER_FILTERS.map((value) => ({
          value,
          label: FILTER_LABELS[value],
          href: ordersUrl({ status: value, q: query.q }),
        })),
      }}
      search={
        <SearchForm
          action="/admin/orders"
          label="Search orders"
          placeholder="Order id or code, email, session id, tx hash"
          value={query.q}
          keep={query.status === "all" ? {} : { status: query.status }}
        />
      }
      table={<OrdersTable rows={list.rows} />}
      pagination={{
        page: query.page,
        pageCount: list.pageCount,
        total: list.total,
        pageSize: PAGE_SIZE,
        noun: ["orders", "order"],
        href: (page) => ordersUrl({ ...query, page }),
      }}
      below={
        <Card title="Export orders">
          <p className="mb-4 text-sm text-muted">
            A CSV of every order created in the range, with its payment, review and refund state.
          </p>
          <ExportForm />
        </Card>
      }
    />
  );
}
