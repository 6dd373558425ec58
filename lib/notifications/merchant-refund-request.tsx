// The merchant hears that a customer asked for a refund, to review it in QBitFlow's dashboard. A
// refund the merchant starts (NONE → PENDING) is not news to them.
import { RefundRequestEmail, refundRequestSubject } from "@/lib/mail/templates/refund-emails";
import { dashboardUrl } from "@/lib/qbitflow/dashboard";
import { emailNotification } from "./email";

export const merchantRefundRequest = emailNotification({
  kind: "merchant-refund-request",
  triggeredBy: ({ refund, orderId }) =>
    refund && refund.to === "REQUESTED" && refund.from === "NONE"
      ? { key: `merchant-refund-request:${orderId}` }
      : null,
  to: "merchant",
  subject: (order) => refundRequestSubject(order),
  template: (order) => <RefundRequestEmail order={order} dashboardUrl={dashboardUrl()} />,
});
