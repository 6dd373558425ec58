// The order store: the only code that writes Order, OrderItem, OrderStatusChange and
// ProductVariant.stock (reserved at checkout, released on expiry, put back after a refund, set by
// hand with its StockAdjustment record), and the only code that locks orders. Its writes take an
// OrderTransaction (changeOrders), which hands every committed change to the after-commit hook.
// Row types come from the generated Prisma types; schema-agreement.test.ts checks every
// statement's tables and columns against the schema.
export { attachCheckoutSession } from "./checkout-session";
export { closeReview } from "./close-review";
export { orderIdNamedBy, type OrderNames } from "./find-order";
export { lockOrder, lockOrderWhen, type LockedOrder } from "./lock-order";
export { changeOrders, type OrderTransaction } from "./order-transaction";
export type { Buyer, OpenOrderLimits } from "./checkout-guard";
export {
  CheckoutRefused,
  createPendingOrder,
  type CheckoutGuard,
  type OrderLine,
  type PendingOrder,
  type PlacedOrder,
} from "./place-order";
export {
  adjustVariantStock,
  unitsHeldByOpenOrders,
  type StockAdjusted,
  type StockAdjustmentInput,
  type StockAdjustmentRefused,
} from "./stock-adjustment";
export { writeTransition, type TransitionContext } from "./write-transition";
export { writeRefundTransition } from "./write-refund";
export type { ChangeSource, OrderChange } from "@/lib/order-change";
