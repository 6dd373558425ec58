import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import type { OrderPageState } from "@/lib/orders/order-page";

const NOTICES = {
  not_found: {
    title: "We couldn't find that order",
    text: "Check the link in your confirmation, or contact us with your order code.",
  },
  session_mismatch: {
    title: "This payment link doesn't match the order",
    text: "Nothing was changed. Open the link from your confirmation, or contact us with your order code.",
  },
} as const;

/** What the order pages show instead of an order: a clear message, never a stack trace. */
export function OrderNotice({ kind }: { kind: Exclude<OrderPageState["kind"], "ok"> }) {
  const notice = NOTICES[kind];
  return (
    <div className="space-y-4">
      <h1 className="font-display text-3xl font-semibold tracking-tight">{notice.title}</h1>
      <p className="text-muted">{notice.text}</p>
      <Link href="/" className={buttonClasses("secondary")}>
        Back to the shop
      </Link>
    </div>
  );
}

/** Shown above an order when QBitFlow could not be asked for the latest. */
export function StaleNotice() {
  return (
    <p className="rounded-xl border border-line bg-surface p-3 text-sm text-muted" role="status">
      We couldn&apos;t reach the payment provider just now, so this page shows what we last heard. Reload in a
      moment.
    </p>
  );
}
