// Every notification this shop sends, one file each (plus its template in lib/mail/templates).
// The list is the whole registry: the jobs written with each order change (followUpJobs, run by
// the order store's change hook in the statement that makes the change) and the outbox
// dispatcher's handlers (jobHandlers) are built from it. Adding an email is one file and one line.
import "server-only";
import type { OrderChange } from "@/lib/order-change";
import type { JobHandlers } from "@/lib/outbox/dispatcher";
import type { NewJob } from "@/lib/outbox/job-part";
import { checkoutClosed } from "./checkout-closed";
import { fulfilment } from "./fulfilment";
import { merchantPaid } from "./merchant-paid";
import { merchantRefundRequest } from "./merchant-refund-request";
import { merchantReview } from "./merchant-review";
import type { Notification } from "./notification";
import { receipt } from "./receipt";
import { refundNotice } from "./refund-notice";

/** In the order their jobs are written (and, all due at once, run). */
export const notifications: readonly Notification[] = [
  receipt,
  merchantPaid,
  fulfilment,
  refundNotice,
  merchantRefundRequest,
  merchantReview,
  checkoutClosed,
];

export function handlersOf(list: readonly Notification[]): JobHandlers {
  const handlers: Record<string, Notification["run"]> = {};
  for (const { kind, run } of list) {
    if (handlers[kind]) throw new Error(`two notifications share the outbox job kind "${kind}"`);
    handlers[kind] = run;
  }
  return handlers;
}

/** What the outbox's dispatcher runs, by job kind. */
export const jobHandlers: JobHandlers = handlersOf(notifications);

/** The outbox jobs a committed order change implies, one per notification it triggers. */
export function followUpJobs(change: OrderChange): NewJob[] {
  return notifications.flatMap(({ kind, triggeredBy }) => {
    const triggered = triggeredBy(change);
    return triggered ? [{ ...triggered, kind, orderId: change.orderId }] : [];
  });
}
