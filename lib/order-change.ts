// What one store write changed on one order: the order store (lib/orders/store) records it and
// hands the list to its change hook once the transaction has committed. A leaf below the store and
// below what reacts to its changes (lib/notifications, lib/orders/after-commit.ts), so those can
// name it without importing each other.
import type { OrderStatus, RefundStatus } from "@/lib/generated/prisma/enums";

/** Which path of the shop made a change (the status history's "source" column). */
export type ChangeSource =
  "checkout" | "webhook" | "success_page" | "status_check" | "reconcile" | "customer" | "admin";

/** What changed on one order. */
export interface OrderChange {
  orderId: string;
  /** Null when the order was just placed. */
  from: OrderStatus | null;
  /** The same as `from` for a change that keeps the status (a failed attempt, a closed review). */
  to: OrderStatus;
  source: ChangeSource;
  /** The order needs a human after this change (money arrived but something is off). */
  needsReview: boolean;
  /** The status history's line for it. */
  reason: string;
  /** Set when the change moved (or recorded a detail of) the order's refund. */
  refund?: { from: RefundStatus; to: RefundStatus };
  /** Products whose stock this change took (a placed order); a release does not list them. */
  productIds?: readonly string[];
}
