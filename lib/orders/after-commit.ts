// The one moment "an order changed, and the change is committed". Every path that changes an
// order (webhook, success page, status check, live check, sweep, customer cancel, admin replay
// and review) writes through the order store's changeOrders(), which calls this module twice (it
// is the store's registered change hook, order-store.ts):
//
// - writtenWithChange(change): what is written in the same statement as the change, so it
//   commits or rolls back with it: the live bus's NOTIFY, and the outbox jobs the change implies
//   (lib/notifications: receipts, merchant notices, the merchant's fulfilment), which a dispatcher
//   runs afterwards (lib/outbox, docs/receipts-and-fulfilment.md).
// - afterCommit(changes): what runs once the transaction has committed: the in-process live bus,
//   a wake-up for this process's dispatcher, and the catalogue pages whose stock moved marked
//   stale (lib/catalog/cache-tags.ts). Nothing here may fail the caller: the change is already
//   done.
import "server-only";
import { revalidateCatalogue, type CatalogueChange } from "@/lib/catalog/cache-tags";
import { jobWrittenWith } from "@/lib/outbox/job-part";
import { wakeDispatchers } from "@/lib/outbox/wake";
import { announceAfterCommit, announceInStatement } from "./change-bus";
import { followUpJobs } from "@/lib/notifications";
import type { ChangeHook, WrittenWithChange } from "./store/change-hook";
import type { OrderChange } from "@/lib/order-change";

export type { OrderChange, WrittenWithChange };

/**
 * The catalogue pages a batch of changes makes stale: a placed order took stock of its products;
 * an order that expired or was cancelled, or a refund that completed, may have given stock back
 * (to products the change does not list: every catalogue page). A sale moves no stock: the
 * checkout took it already.
 */
export function catalogueChangeOf(changes: readonly OrderChange[]): CatalogueChange | null {
  const released = changes.some(
    (change) =>
      (change.from !== change.to &&
        (change.from === "PENDING" || change.from === "CONFIRMING") &&
        (change.to === "EXPIRED" || change.to === "CANCELLED")) ||
      // A completed refund may have put its units back (when the merchant asked for it).
      (change.refund !== undefined && change.refund.from !== "REFUNDED" && change.refund.to === "REFUNDED"),
  );
  if (released) return { everything: true };
  const productIds = [
    ...new Set(changes.flatMap((change) => (change.from === null ? (change.productIds ?? []) : []))),
  ];
  return productIds.length ? { productIds } : null;
}

export function writtenWithChange(change: OrderChange): WrittenWithChange {
  const parts = followUpJobs(change).map((job, index) => jobWrittenWith(`outbox_job_${index}`, job));
  return { parts, select: announceInStatement(change.orderId) };
}

export function afterCommit(changes: readonly OrderChange[]): void {
  for (const change of changes) {
    try {
      announceAfterCommit(change.orderId);
    } catch (error) {
      console.error(`[orders] after-commit work for ${change.orderId} failed:`, error);
    }
  }
  // Cheap when nothing is due: the dispatcher claims nothing and sleeps again.
  if (changes.some((change) => followUpJobs(change).length > 0)) wakeDispatchers();
  const catalogue = catalogueChangeOf(changes);
  if (catalogue) revalidateCatalogue(catalogue); // logs, never throws
}

/** What lib/orders/order-store.ts registers with the store. */
export const orderChangeHook: ChangeHook = { writtenWithChange, afterCommit };
