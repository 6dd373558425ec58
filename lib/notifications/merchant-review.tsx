// The merchant hears of every order that needs a human (money arrived but something is off), on a
// payment or on a refund. Not on the change that pays the order: that one's paid notice says it.
// A later review of the same order (a second payment, say) is news again: the reason is in the key.
import { createHash } from "node:crypto";
import { MerchantEmail, merchantSubject } from "@/lib/mail/templates/merchant-email";
import { emailNotification } from "./email";
import { paysTheOrder } from "./notification";

export const merchantReview = emailNotification({
  kind: "merchant-review",
  triggeredBy(change) {
    if (!change.needsReview || paysTheOrder(change)) return null;
    const reason = createHash("sha256").update(change.reason).digest("hex").slice(0, 12);
    return { key: `merchant-review:${change.orderId}:${reason}`, payload: { reason: change.reason } };
  },
  to: "merchant",
  subject: (order) => merchantSubject(order, "review"),
  template: (order, payload) => (
    <MerchantEmail
      order={order}
      notice="review"
      reason={typeof payload.reason === "string" ? payload.reason : undefined}
    />
  ),
});
