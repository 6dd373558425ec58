// The merchant hears of every paid order: one notice per order, which says so when the order also
// needs review.
import { MerchantEmail, merchantSubject } from "@/lib/mail/templates/merchant-email";
import { emailNotification } from "./email";
import { paysTheOrder } from "./notification";

export const merchantPaid = emailNotification({
  kind: "merchant-paid",
  triggeredBy: (change) => (paysTheOrder(change) ? { key: `merchant-paid:${change.orderId}` } : null),
  to: "merchant",
  subject: (order) => merchantSubject(order, "paid"),
  template: (order) => <MerchantEmail order={order} notice="paid" />,
});
