// Sends one email for an outbox job: renders the React template to HTML and plain text (React
// Email's render), and hands it to SMTP with a Message-ID derived from the job's key. A template
// that does not render is a PermanentJobError (dead at once, with its error, in the admin); an
// SMTP failure throws as is, so the job is retried with backoff.
import "server-only";
import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { PermanentJobError } from "@/lib/outbox/dispatcher";
import { storeConfig } from "@/lib/store-config";
import { mailFrom, mailTransport, messageIdFor } from "./transport";

export interface Mail {
  /** The outbox job's key: the Message-ID comes from it. */
  key: string;
  to: string;
  subject: string;
  body: ReactElement;
}

export async function renderMail(body: ReactElement): Promise<{ html: string; text: string }> {
  try {
    const [html, text] = await Promise.all([render(body), render(body, { plainText: true })]);
    return { html, text };
  } catch (error) {
    throw new PermanentJobError(
      `the template did not render: ${error instanceof Error ? error.message : error}`,
    );
  }
}

/** Sends `mail`; resolves with the line the admin shows for the job. */
export async function sendMail(mail: Mail): Promise<string> {
  const transport = mailTransport();
  if (!transport) return `not sent: SMTP_URL is not set (would have gone to ${mail.to})`;
  const { html, text } = await renderMail(mail.body);
  const from = mailFrom();
  const messageId = messageIdFor(mail.key, from);
  await transport.sendMail({
    from,
    to: mail.to,
    replyTo: storeConfig.supportEmail,
    subject: mail.subject,
    html,
    text,
    messageId,
    headers: { "X-Outbox-Key": mail.key },
  });
  return `sent to ${mail.to} as ${messageId}`;
}
