// A notification that is an email: who gets it, when not to send it after all, its subject and
// its React Email template. The job reads the order as it is now, so a retry sends current facts,
// and passes its key on as the Message-ID, so a job run twice is one email to a deduplicating
// server (lib/mail/send-mail.ts).
import "server-only";
import type { ReactElement } from "react";
import { getEnv } from "@/lib/env";
import { orderForMail, type MailOrder } from "@/lib/mail/order-for-mail";
import { sendMail } from "@/lib/mail/send-mail";
import type { OrderChange } from "@/lib/order-change";
import { PermanentJobError, type ClaimedJob } from "@/lib/outbox/dispatcher";
import type { Notification, Triggered } from "./notification";

export type JobPayload = Record<string, unknown>;

export interface EmailNotification {
  kind: string;
  triggeredBy(change: OrderChange): Triggered | null;
  /** The customer (the order's email, if they gave one) or the merchant (MERCHANT_EMAIL). */
  to: "customer" | "merchant";
  /** Why not to send after all, judged on the order as it is now; null to send. */
  skip?: (order: MailOrder) => string | null;
  subject(order: MailOrder, payload: JobPayload): string;
  template(order: MailOrder, payload: JobPayload): ReactElement;
}

export async function orderOf(job: ClaimedJob): Promise<MailOrder> {
  const order = job.orderId ? await orderForMail(job.orderId) : null;
  if (!order) throw new PermanentJobError(`order ${job.orderId ?? "(none)"} no longer exists`);
  return order;
}

export function emailNotification(email: EmailNotification): Notification {
  return {
    kind: email.kind,
    triggeredBy: email.triggeredBy,
    async run(job) {
      // The merchant's address is known before the order is read: without one, nothing to do.
      const merchant = email.to === "merchant" ? getEnv().MERCHANT_EMAIL : undefined;
      if (email.to === "merchant" && !merchant) return "skipped: MERCHANT_EMAIL is not set";
      const order = await orderOf(job);
      const to = merchant ?? order.email;
      if (!to) return "skipped: the customer gave no email";
      const skipped = email.skip?.(order);
      if (skipped) return `skipped: ${skipped}`;
      const payload = (job.payload ?? {}) as JobPayload;
      return sendMail({
        key: job.key,
        to,
        subject: email.subject(order, payload),
        body: email.template(order, payload),
      });
    },
  };
}
