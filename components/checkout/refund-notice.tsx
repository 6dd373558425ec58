// The refund of a paid order, as its customer sees it: what was asked or started, what was sent
// back, and the shop's message. Presentational only, like the rest of the order status view.
import type { RefundView } from "@/lib/orders/order-view";

const TEXTS: Record<RefundView["status"], { title: string; text: string }> = {
  REQUESTED: {
    title: "Refund requested",
    text: "The shop has your request and will answer it. No money has moved yet.",
  },
  PENDING: {
    title: "Refund on its way",
    text: "The shop started a refund; it is sent once the shop signs the transfer.",
  },
  REFUNDED: { title: "Refund sent", text: "The refund was sent to the wallet you paid from." },
  DENIED: { title: "Refund declined", text: "The shop declined the refund. No money was sent back." },
};

function amount(refund: RefundView): string | null {
  const parts = [
    refund.amountUsd ? `$${Number(refund.amountUsd).toFixed(2)}` : null,
    refund.percent ? `${Number(refund.percent)}% of your payment` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : null;
}

export function RefundNotice({ refund }: { refund: RefundView }) {
  const { title, text } = TEXTS[refund.status];
  const sum = amount(refund);
  return (
    <section
      aria-label="Refund"
      data-refund={refund.status}
      className="space-y-1 rounded-2xl border border-line bg-surface p-4 text-sm"
    >
      <p className="font-semibold">{title}</p>
      <p className="text-muted">{text}</p>
      {sum ? <p>Amount: {sum}</p> : null}
      {refund.message ? <p>Message from the shop: “{refund.message}”</p> : null}
      {refund.txHash ? (
        <p>
          Refund transaction{" "}
          {refund.explorerUrl ? (
            <a
              href={refund.explorerUrl}
              className="font-mono text-brand underline underline-offset-4"
              rel="noreferrer"
              target="_blank"
            >
              {refund.txHash.slice(0, 10)}…
            </a>
          ) : (
            <span className="font-mono">{refund.txHash.slice(0, 10)}…</span>
          )}
        </p>
      ) : null}
    </section>
  );
}
