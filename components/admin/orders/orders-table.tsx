import Link from "next/link";
import { Price } from "@/components/ui/price";
import type { OrderRow } from "@/lib/admin/orders/order-queries";
import { orderCode } from "@/lib/order-id";
import { AdminTable } from "@/components/admin/shared/admin-table";
import { OrderStatusBadge, RefundBadge, ReviewBadge } from "@/components/admin/shared/badge";
import { formatDateTime, shorten } from "@/components/admin/shared/format";

export function OrdersTable({ rows }: { rows: OrderRow[] }) {
  return (
    <AdminTable
      columns={[
        { label: "Order" },
        { label: "Created" },
        { label: "Status" },
        { label: "Customer" },
        { label: "Transaction" },
        { label: "Total", align: "right" },
      ]}
      empty="No orders match."
      rowCount={rows.length}
    >
      {rows.map((order) => (
        <tr key={order.id} className="transition-colors hover:bg-canvas/60">
          <td className="px-5 py-3">
            <Link
              href={`/admin/orders/${order.id}`}
              className="font-mono font-semibold whitespace-nowrap text-brand hover:underline"
              aria-label={`Order ${orderCode(order.id)}`}
            >
              {orderCode(order.id)}
            </Link>
          </td>
          <td className="px-3 py-3 whitespace-nowrap text-muted">{formatDateTime(order.createdAt)}</td>
          <td className="px-3 py-3">
            <span className="flex flex-wrap gap-1.5">
              <OrderStatusBadge status={order.status} />
              <ReviewBadge needsReview={order.needsReview} reviewedAt={order.reviewedAt} />
              <RefundBadge status={order.refundStatus} />
            </span>
          </td>
          <td className="max-w-48 truncate px-3 py-3">
            {order.email ?? <span className="text-muted">—</span>}
          </td>
          <td className="px-3 py-3 font-mono text-xs text-muted" title={order.txHash ?? undefined}>
            {order.txHash ? shorten(order.txHash) : "—"}
          </td>
          <td className="px-5 py-3 text-right font-medium">
            <Price cents={order.totalCents} />
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}
