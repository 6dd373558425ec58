// Reads the local mailbox the test setup started (scripts/stack/mailbox.ts), over its API.
import type { CaughtMessage } from "@/scripts/stack/mailbox";

function mailboxUrl(): string {
  // Test harness only: the app never needs the mailbox's web address, so it is not in lib/env.ts.
  // eslint-disable-next-line no-restricted-properties
  const url = process.env.MAILBOX_URL;
  if (!url)
    throw new Error(
      "MAILBOX_URL is not set: run the tests through vitest's setup (scripts/test/stack-setup.ts)",
    );
  return url;
}

export async function caughtMessages(): Promise<CaughtMessage[]> {
  const response = await fetch(`${mailboxUrl()}/api/messages`);
  return (await response.json()) as CaughtMessage[];
}

/** The messages whose Message-ID came from this outbox job key ("receipt:<orderId>"). */
export async function messagesForJob(key: string): Promise<CaughtMessage[]> {
  const local = `<${key.replace(/:/g, ".")}@`;
  return (await caughtMessages()).filter((message) => message.messageId?.startsWith(local));
}

/** Makes the SMTP server refuse every connection (421), or accept again. */
export async function setMailboxDown(down: boolean): Promise<void> {
  await fetch(`${mailboxUrl()}/api/faults`, { method: "POST", body: JSON.stringify({ down }) });
}
