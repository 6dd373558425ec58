// The customer's refund notice, once the refund was sent (amount, percent, the merchant's
// message). One refund per payment (QBitFlow's rule), so one key per order: a duplicate
// `refund.completed` or the sweep finding the same refund writes nothing the second time.
import { RefundNoticeEmail, refundNoticeSubject } from "@/lib/mail/templates/refund-emails";
import { emailNotification } from "./email";

export const refundNotice = emailNotification({
  kind: "refund-notice",
  triggeredBy: ({ refund, orderId }) =>
    refund && refund.to === "REFUNDED" && refund.from !== "REFUNDED"
      ? { key: `refund-notice:${orderId}` }
      : null,
  to: "customer",
  skip: (order) => (order.refund.status === "REFUNDED" ? null : `the refund is ${order.refund.status} now`),
  subject: (order) => refundNoticeSubject(order),
  template: (order) => <RefundNoticeEmail order={order} />,
});
