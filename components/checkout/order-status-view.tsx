// An order's state as its customer sees it. Presentational only (no data fetching, no hooks), so
// the server pages render it directly and the live component re-renders it on every update.
import Link from "next/link";
import { LineItem } from "@/components/cart/line-item";
import { buttonClasses } from "@/components/ui/button";
import { Price } from "@/components/ui/price";
import type { OrderView } from "@/lib/orders/order-view";
import { chainName } from "@/lib/qbitflow/chain-name";
import { describeAttempt } from "./attempt-messages";
import { OrderSteps } from "./order-steps";
import { RefundNotice } from "./refund-notice";

const HEADLINES: Record<OrderView["status"], { title: string; text: string }> = {
  PENDING: { title: "Waiting for your payment", text: "Nothing has been charged yet." },
  CONFIRMING: {
    title: "Payment sent, waiting for confirmation",
    text: "Your transaction is on its way; this usually takes under a minute.",
  },
  PAID: { title: "Payment received. Thank you!", text: "Your order is confirmed." },
  EXPIRED: { title: "This checkout expired", text: "Nothing was charged. The items went back on sale." },
  CANCELLED: { title: "Order cancelled", text: "Nothing was charged." },
};

function shortHash(hash: string): string {
  return hash.length > 18 ? `${hash.slice(0, 10)}…${hash.slice(-6)}` : hash;
}

function formatTime(iso: string): string {
  return (
    new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) +
    " UTC"
  );
}

const REFUND_HEADLINES: Partial<Record<NonNullable<OrderView["refund"]>["status"], string>> = {
  REFUNDED: "Refunded",
};

export function OrderStatusView({ order }: { order: OrderView }) {
  const refundTitle = order.refund ? REFUND_HEADLINES[order.refund.status] : undefined;
  const headline = refundTitle
    ? { title: refundTitle, text: "The shop sent your money back." }
    : HEADLINES[order.status];
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-muted">Order {order.code}</p>
        <h1
          className="font-display text-3xl font-semibold tracking-tight"
          data-status={order.status}
          data-refund={order.refund?.status}
        >
          {headline.title}
        </h1>
        <p className="text-muted">
          {order.underReview ? "We are checking this payment and will be in touch." : headline.text}
        </p>
      </header>

      <OrderSteps status={order.status} />

      {order.refund ? <RefundNotice refund={order.refund} /> : null}

      {order.lastAttempt ? (
        <div className="rounded-2xl border border-warn/30 bg-warn-soft p-4 text-sm text-warn" role="alert">
          <p className="font-semibold">Your last payment attempt failed.</p>
          <p>{describeAttempt(order.lastAttempt)} You can try again.</p>
        </div>
      ) : null}

      {order.paymentLink ? (
        <a href={order.paymentLink} className={buttonClasses("primary")}>
          {order.lastAttempt ? "Try the payment again" : "Return to payment"}
        </a>
      ) : null}

      {order.txHash ? (
        <p className="text-sm">
          Transaction{" "}
          {order.explorerUrl ? (
            <a
              href={order.explorerUrl}
              className="font-mono text-brand underline underline-offset-4"
              rel="noreferrer"
              target="_blank"
            >
              {shortHash(order.txHash)}
            </a>
          ) : (
            <span className="font-mono">{shortHash(order.txHash)}</span>
          )}
          {order.chain ? <span className="text-muted"> on {chainName(order.chain)}</span> : null}
          {order.currencySymbol ? <span className="text-muted">, paid in {order.currencySymbol}</span> : null}
        </p>
      ) : null}

      <section aria-label="Receipt" className="rounded-2xl border border-line bg-surface p-5">
        <ul className="divide-y divide-line text-sm">
          {order.items.map((item) => (
            <LineItem
              key={`${item.name}|${item.variantTitle}`}
              line={item}
              totalCents={item.unitPriceCents * item.quantity}
              size="small"
              prefix={`${item.quantity} × `}
            />
          ))}
        </ul>
        <div className="mt-3 flex justify-between border-t border-line pt-3 font-semibold">
          <span>Total</span>
          <Price cents={order.totalCents} />
        </div>
        {order.paidAt ? <p className="mt-2 text-xs text-muted">Paid {formatTime(order.paidAt)}</p> : null}
        {order.status === "PENDING" && order.expiresAt ? (
          <p className="mt-2 text-xs text-muted">
            The payment page is open until {formatTime(order.expiresAt)}.
          </p>
        ) : null}
      </section>

      {order.status === "EXPIRED" || order.status === "CANCELLED" ? (
        <Link href="/" className={buttonClasses("secondary")}>
          Back to the shop
        </Link>
      ) : null}
    </div>
  );
}
