// Which outbox jobs an order change implies. Pure, so the rules are unit-tested; the after-commit
// hook writes them in the statement that makes the change. Keys are per order (and per review),
// so a change that repeats, or arrives by two paths (webhook and success page), writes them once.
import { createHash } from "node:crypto";
import type { NewJob } from "@/lib/outbox/job-part";
import { JOB_KINDS } from "@/lib/outbox/kinds";
import type { OrderChange } from "./after-commit";

const CLOSED = new Set(["EXPIRED", "CANCELLED"]);

export function followUpJobs(change: OrderChange): NewJob[] {
  if (change.refund) return refundJobs(change, change.refund);
  const { orderId } = change;
  const jobs: NewJob[] = [];
  const newlyPaid = change.to === "PAID" && change.from !== "PAID";
  if (newlyPaid) {
    jobs.push(
      { key: `receipt:${orderId}`, kind: JOB_KINDS.receipt, orderId },
      // One notice per paid order; it says so when the order also needs review.
      { key: `merchant-paid:${orderId}`, kind: JOB_KINDS.merchantPaid, orderId },
      { key: `fulfilment:${orderId}`, kind: JOB_KINDS.fulfilment, orderId },
    );
  } else if (change.needsReview) {
    // A later review on an order (a second payment, say) is news again: the reason is in the key.
    const reason = createHash("sha256").update(change.reason).digest("hex").slice(0, 12);
    jobs.push({
      key: `merchant-review:${orderId}:${reason}`,
      kind: JOB_KINDS.merchantReview,
      orderId,
      payload: { reason: change.reason },
    });
  }
  if (change.from !== null && !CLOSED.has(change.from) && change.from !== "PAID" && CLOSED.has(change.to)) {
    jobs.push({
      key: `checkout-closed:${orderId}`,
      kind: JOB_KINDS.checkoutClosed,
      orderId,
      payload: { status: change.to },
    });
  }
  return jobs;
}

// One refund per payment (QBitFlow's rule), so one key per order and kind is enough: a duplicate
// `refund.completed` or the sweep finding the same refund writes nothing the second time.
function refundJobs(change: OrderChange, refund: NonNullable<OrderChange["refund"]>): NewJob[] {
  const { orderId } = change;
  const jobs: NewJob[] = [];
  if (refund.to === "REFUNDED" && refund.from !== "REFUNDED") {
    jobs.push({ key: `refund-notice:${orderId}`, kind: JOB_KINDS.refundNotice, orderId });
  }
  if (refund.to === "REQUESTED" && refund.from === "NONE") {
    jobs.push({ key: `merchant-refund-request:${orderId}`, kind: JOB_KINDS.merchantRefundRequest, orderId });
  }
  if (change.needsReview) {
    const reason = createHash("sha256").update(change.reason).digest("hex").slice(0, 12);
    jobs.push({
      key: `merchant-review:${orderId}:${reason}`,
      kind: JOB_KINDS.merchantReview,
      orderId,
      payload: { reason: change.reason },
    });
  }
  return jobs;
}
