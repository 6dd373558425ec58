// The merchant's own follow-up of a paid order (lib/fulfilment/on-order-paid.ts: a signed webhook
// to FULFILMENT_WEBHOOK_URL, or nothing). The job's key is the call's webhook-id, so the
// merchant's endpoint can tell a retry from a new order.
import "server-only";
import { onOrderPaid } from "@/lib/fulfilment/on-order-paid";
import { orderOf } from "./email";
import { paysTheOrder, type Notification } from "./notification";

export const fulfilment: Notification = {
  kind: "fulfilment",
  triggeredBy: (change) => (paysTheOrder(change) ? { key: `fulfilment:${change.orderId}` } : null),
  run: async (job, signal) => onOrderPaid(await orderOf(job), { idempotencyKey: job.key, signal }),
};
