import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { storeConfig } from "@/lib/store-config";

/**
 * The order pages' 404 (not-found.tsx of /orders/[id], /checkout/success, /checkout/cancel): an
 * unknown order and a link whose payment session is not the order's read the same, so a guessed
 * link learns nothing about which orders exist.
 */
export function OrderNotFound() {
  return (
    <Container className="max-w-2xl py-10 sm:py-14">
      <div className="space-y-4">
        <p className="text-sm font-semibold tracking-wide text-brand uppercase">Error 404</p>
        <h1 className="font-display text-3xl font-semibold tracking-tight">
          We couldn&apos;t find that order
        </h1>
        <p className="text-muted">
          The link may be incomplete, or it may not match the order; nothing was changed. Open the link from
          your confirmation, or write to us at{" "}
          <a href={`mailto:${storeConfig.supportEmail}`} className="text-brand underline underline-offset-4">
            {storeConfig.supportEmail}
          </a>{" "}
          with your order code.
        </p>
        <Link href="/" className={buttonClasses("secondary")}>
          Back to the shop
        </Link>
      </div>
    </Container>
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
