// The refund of a paid order in the admin: the Refund form while there is none; then where it
// stands, in words: waiting for the merchant's signature in QBitFlow's dashboard (with the link),
// a customer's request to review there, sent, or denied. Moves on the page as events arrive.
import { Card, Details } from "@/components/admin/shared/card";
import { formatDateTime } from "@/components/admin/shared/format";
import type { AdminOrder } from "@/lib/admin/orders/order-queries";
import { RefundBadge } from "@/components/admin/shared/badge";
import { RefundForm } from "./refund-form";
import { RefundLiveRefresh } from "./refund-live-refresh";
import { RestockRefundForm } from "./restock-refund-form";

const mono = "font-mono text-xs break-all";

const NEXT_STEP: Record<AdminOrder["refundStatus"], string | null> = {
  NONE: null,
  PENDING:
    "No money has moved yet. Sign the refund's transfer in QBitFlow's dashboard to send it, or deny it there; this page updates when QBitFlow reports it.",
  REQUESTED:
    "The customer asked for this refund on QBitFlow's invoice page. Review it in QBitFlow's dashboard: sign the transfer to send it, or deny it; this page updates when QBitFlow reports it.",
  REFUNDED: "The refund was sent.",
  DENIED: "The refund was denied; no money was sent back.",
};

export function RefundPanel({ order, dashboardUrl }: { order: AdminOrder; dashboardUrl: string }) {
  if (order.status !== "PAID") return null;
  const open = order.refundStatus === "PENDING" || order.refundStatus === "REQUESTED";
  return (
    <Card title="Refund">
      <RefundLiveRefresh orderId={order.id} refundStatus={order.refundStatus} />
      {order.refundStatus === "NONE" ? (
        <RefundForm orderId={order.id} />
      ) : (
        <div className="space-y-3" data-refund={order.refundStatus}>
          <RefundBadge status={order.refundStatus} />
          <p className="text-sm" role="status">
            {NEXT_STEP[order.refundStatus]}
          </p>
          {open ? (
            <a
              href={dashboardUrl}
              target="_blank"
              rel="noreferrer"
              className="inline-block text-sm font-semibold text-brand underline underline-offset-2"
            >
              Open QBitFlow&apos;s dashboard to sign or deny
            </a>
          ) : null}
          {open ? <RestockRefundForm orderId={order.id} asked={order.refundRestock} /> : null}
          <Details
            rows={[
              ["Refund", order.refundUuid ? <span className={mono}>{order.refundUuid}</span> : null],
              ["Started by", order.refundInitiatedBy],
              ["Percent", order.refundPercent ? `${order.refundPercent.toString()}%` : null],
              ["Amount (USD)", order.refundAmountUsd ? `$${order.refundAmountUsd.toFixed()}` : null],
              ["Reason", order.refundReason],
              ["Message to customer", order.refundMerchantMessage],
              ["Requested", order.refundRequestedAt ? formatDateTime(order.refundRequestedAt) : null],
              ["Answered", order.refundEndedAt ? formatDateTime(order.refundEndedAt) : null],
              [
                "Refund tx",
                order.refundTxHash ? (
                  order.refundExplorerUrl ? (
                    <a
                      href={order.refundExplorerUrl}
                      target="_blank"
                      rel="noreferrer"
                      className={`${mono} text-brand underline`}
                    >
                      {order.refundTxHash}
                    </a>
                  ) : (
                    <span className={mono}>{order.refundTxHash}</span>
                  )
                ) : null,
              ],
              [
                "Stock",
                order.refundRestock
                  ? order.refundRestocked
                    ? "units put back in stock"
                    : "units go back in stock when the refund completes"
                  : "left as sold",
              ],
            ]}
          />
        </div>
      )}
    </Card>
  );
}
