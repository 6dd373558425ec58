// The local mailbox's web view: the list (newest first, refreshing itself) and one message, its
// HTML shown in a sandboxed frame, its plain-text part beside it.
import type { CaughtMessage } from "./mailbox";

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

const frame = (title: string, body: string, refresh = false) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
${refresh ? '<meta http-equiv="refresh" content="3">' : ""}
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0; background: #faf7f1; color: #1d2420; }
  header { background: #1f5a43; color: #fff; padding: 12px 24px; }
  main { padding: 16px 24px; }
  table { border-collapse: collapse; width: 100%; background: #fff; }
  td, th { border-bottom: 1px solid #e6e0d4; padding: 8px; text-align: left; }
  iframe { width: 100%; height: 70vh; border: 1px solid #e6e0d4; background: #fff; }
  pre { white-space: pre-wrap; background: #fff; border: 1px solid #e6e0d4; padding: 12px; }
  a { color: #1f5a43; }
</style></head>
<body><header><strong>Local mailbox</strong> · every email the app sends in development lands here</header>
<main>${body}</main></body></html>`;

export function mailboxPage(messages: readonly CaughtMessage[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (m) => `<tr><td>${escape(new Date(m.date).toLocaleString())}</td><td>${escape(m.to.join(", "))}</td>
        <td><a href="/messages/${m.id}">${escape(m.subject || "(no subject)")}</a></td></tr>`,
    )
    .join("");
  return frame(
    `Local mailbox (${messages.length})`,
    messages.length
      ? `<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>`
      : "<p>No email yet. Pay for an order in the sandbox: its receipt appears here.</p>",
    true,
  );
}

export function messagePage(message: CaughtMessage): string {
  return frame(
    message.subject,
    `<p><a href="/">← All messages</a></p>
     <h1>${escape(message.subject)}</h1>
     <p>From ${escape(message.from)} to ${escape(message.to.join(", "))}<br>Message-ID ${escape(message.messageId ?? "none")}</p>
     ${message.html ? `<iframe sandbox title="HTML part" srcdoc="${escape(message.html)}"></iframe>` : ""}
     <h2>Plain text</h2><pre>${escape(message.text)}</pre>`,
  );
}
