// Every kind of outbox job this shop writes (lib/outbox/kinds.ts) and what runs it. Each reads the
// order as it is now, so a retry sends current facts; each passes the job's key on (the email's
// Message-ID, the fulfilment call's webhook-id), so a job run twice can be deduplicated.
import "server-only";
import { createElement } from "react";
import { CheckoutClosedEmail, checkoutClosedSubject } from "@/lib/mail/templates/checkout-closed-email";
import { MerchantEmail, merchantSubject, type MerchantNotice } from "@/lib/mail/templates/merchant-email";
import { ReceiptEmail, receiptSubject } from "@/lib/mail/templates/receipt-email";
import {
  RefundNoticeEmail,
  refundNoticeSubject,
  RefundRequestEmail,
  refundRequestSubject,
} from "@/lib/mail/templates/refund-emails";
import { getEnv } from "@/lib/env";
import { onOrderPaid } from "@/lib/fulfilment/on-order-paid";
import { orderForMail, type MailOrder } from "@/lib/mail/order-for-mail";
import { sendMail } from "@/lib/mail/send-mail";
import {
  PermanentJobError,
  type ClaimedJob,
  type JobHandler,
  type JobHandlers,
} from "@/lib/outbox/dispatcher";
import { JOB_KINDS } from "@/lib/outbox/kinds";
import { dashboardUrl } from "@/lib/qbitflow/dashboard";

async function orderOf(job: ClaimedJob): Promise<MailOrder> {
  const order = job.orderId ? await orderForMail(job.orderId) : null;
  if (!order) throw new PermanentJobError(`order ${job.orderId ?? "(none)"} no longer exists`);
  return order;
}

const payloadOf = (job: ClaimedJob) => (job.payload ?? {}) as Record<string, unknown>;

const receipt: JobHandler = async (job) => {
  const order = await orderOf(job);
  if (!order.email) return "skipped: the customer gave no email";
  return sendMail({
    key: job.key,
    to: order.email,
    subject: receiptSubject(order),
    body: createElement(ReceiptEmail, { order }),
  });
};

const checkoutClosed: JobHandler = async (job) => {
  const order = await orderOf(job);
  if (!order.email) return "skipped: the customer gave no email";
  // A late payment may have made it PAID since: then the receipt says what happened, not this.
  if (order.status !== "EXPIRED" && order.status !== "CANCELLED")
    return `skipped: the order is ${order.status} now`;
  const status = order.status;
  return sendMail({
    key: job.key,
    to: order.email,
    subject: checkoutClosedSubject(order, status),
    body: createElement(CheckoutClosedEmail, { order, status }),
  });
};

const merchant =
  (notice: MerchantNotice): JobHandler =>
  async (job) => {
    const to = getEnv().MERCHANT_EMAIL;
    if (!to) return "skipped: MERCHANT_EMAIL is not set";
    const order = await orderOf(job);
    const reason = typeof payloadOf(job).reason === "string" ? (payloadOf(job).reason as string) : undefined;
    return sendMail({
      key: job.key,
      to,
      subject: merchantSubject(order, notice),
      body: createElement(MerchantEmail, { order, notice, reason }),
    });
  };

const refundNotice: JobHandler = async (job) => {
  const order = await orderOf(job);
  if (!order.email) return "skipped: the customer gave no email";
  if (order.refund.status !== "REFUNDED") return `skipped: the refund is ${order.refund.status} now`;
  return sendMail({
    key: job.key,
    to: order.email,
    subject: refundNoticeSubject(order),
    body: createElement(RefundNoticeEmail, { order }),
  });
};

const merchantRefundRequest: JobHandler = async (job) => {
  const to = getEnv().MERCHANT_EMAIL;
  if (!to) return "skipped: MERCHANT_EMAIL is not set";
  const order = await orderOf(job);
  return sendMail({
    key: job.key,
    to,
    subject: refundRequestSubject(order),
    body: createElement(RefundRequestEmail, { order, dashboardUrl: dashboardUrl() }),
  });
};

const fulfilment: JobHandler = async (job, signal) =>
  onOrderPaid(await orderOf(job), { idempotencyKey: job.key, signal });

export const jobHandlers: JobHandlers = {
  [JOB_KINDS.receipt]: receipt,
  [JOB_KINDS.checkoutClosed]: checkoutClosed,
  [JOB_KINDS.merchantPaid]: merchant("paid"),
  [JOB_KINDS.merchantReview]: merchant("review"),
  [JOB_KINDS.fulfilment]: fulfilment,
  [JOB_KINDS.refundNotice]: refundNotice,
  [JOB_KINDS.merchantRefundRequest]: merchantRefundRequest,
};
