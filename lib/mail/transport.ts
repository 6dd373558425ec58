// The SMTP connection: nodemailer with SMTP_URL, so any provider works (Resend, Postmark, SES,
// the local mailbox of `npm run dev`). One transport per process and URL.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";
import { storeConfig } from "@/lib/store-config";

let cached: { url: string; transport: Transporter } | undefined;

/** Null when SMTP_URL is unset: email is switched off, and jobs record that they sent nothing. */
export function mailTransport(): Transporter | null {
  const url = getEnv().SMTP_URL;
  if (!url) return null;
  if (cached?.url !== url) {
    // Pooled: one SMTP (and TLS) handshake serves many emails; a pooled connection the provider
    // dropped fails that send, and the job retries. Short timeouts: a job that waits on a dead
    // server holds its lease; the retry comes soon.
    const transport = nodemailer.createTransport({
      url,
      pool: true,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    cached = { url, transport };
  }
  return cached.transport;
}

/** The From line: MAIL_FROM, or the store's name at the app's host. */
export function mailFrom(): string {
  const env = getEnv();
  return env.MAIL_FROM ?? `${storeConfig.name} <orders@${new URL(env.APP_URL).hostname}>`;
}

/** `<receipt.ORDERID@shop.example>`: derived from the job's key, so a resend carries the same id. */
export function messageIdFor(key: string, from: string = mailFrom()): string {
  const domain = /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? "localhost";
  return `<${key.replace(/:/g, ".")}@${domain}>`;
}
