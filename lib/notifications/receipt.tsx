// The customer's receipt, once an order is paid.
import { ReceiptEmail, receiptSubject } from "@/lib/mail/templates/receipt-email";
import { emailNotification } from "./email";
import { paysTheOrder } from "./notification";

export const receipt = emailNotification({
  kind: "receipt",
  triggeredBy: (change) => (paysTheOrder(change) ? { key: `receipt:${change.orderId}` } : null),
  to: "customer",
  subject: (order) => receiptSubject(order),
  template: (order) => <ReceiptEmail order={order} />,
});
