// "Your checkout expired / was cancelled", with a link back to the cart: when an open checkout
// closes unpaid. Not for an order placed closed, nor one already paid or closed.
import { CheckoutClosedEmail, checkoutClosedSubject } from "@/lib/mail/templates/checkout-closed-email";
import type { MailOrder } from "@/lib/mail/order-for-mail";
import { emailNotification } from "./email";

const CLOSED = ["EXPIRED", "CANCELLED"] as const;
type Closed = (typeof CLOSED)[number];
const isClosed = (status: string | null): status is Closed => CLOSED.includes(status as Closed);

/** The order's status, which skip() has checked is a closed one. */
const closedStatus = (order: MailOrder) => order.status as Closed;

export const checkoutClosed = emailNotification({
  kind: "checkout-closed",
  triggeredBy(change) {
    if (change.refund || change.from === null || change.from === "PAID") return null;
    if (isClosed(change.from) || !isClosed(change.to)) return null;
    return { key: `checkout-closed:${change.orderId}`, payload: { status: change.to } };
  },
  to: "customer",
  // A late payment may have made it PAID since: then the receipt says what happened, not this.
  skip: (order) => (isClosed(order.status) ? null : `the order is ${order.status} now`),
  subject: (order) => checkoutClosedSubject(order, closedStatus(order)),
  template: (order) => <CheckoutClosedEmail order={order} status={closedStatus(order)} />,
});
