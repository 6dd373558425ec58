// The local mailbox of `npm run dev` and the tests: an SMTP server (smtp-server) that accepts every
// message, parses it (mailparser) and keeps it in memory, and a small web server that shows the
// messages (GET /) and serves them as JSON for the tests (GET /api/messages). POST /api/faults
// {"down": true} makes the SMTP side answer 421 to new connections and to messages on open ones,
// the way a provider's outage looks, until {"down": false}. No message ever leaves the machine.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { mailboxPage, messagePage } from "./mailbox-page";

export interface CaughtMessage {
  id: number;
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  date: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
}

export interface Mailbox {
  /** For the app: SMTP_URL. */
  smtpUrl: string;
  /** The web view (and /api/messages). */
  url: string;
  messages: CaughtMessage[];
  stop(): Promise<void>;
}

export interface MailboxOptions {
  host?: string;
  /** 0: any free port (tests). */
  smtpPort?: number;
  webPort?: number;
  log?: (line: string) => void;
}

export async function startMailbox(options: MailboxOptions = {}): Promise<Mailbox> {
  const { host = "127.0.0.1", smtpPort = 0, webPort = 0, log = () => {} } = options;
  const messages: CaughtMessage[] = [];
  let down = false;
  let nextId = 1;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    banner: "local mailbox: nothing leaves this machine",
    onAuth: (_auth, _session, callback) => callback(null, { user: "local" }),
    // "Down" refuses new connections and, on connections already open (nodemailer pools them),
    // every message: the way a provider's outage looks to the app.
    onConnect: (_session, callback) => callback(down ? outage() : undefined),
    onMailFrom: (_address, _session, callback) => callback(down ? outage() : undefined),
    onData: (stream, _session, callback) => {
      simpleParser(stream)
        .then((parsed) => {
          const to = [parsed.to ?? []].flat().flatMap((address) => address.value.map((v) => v.address ?? ""));
          const headers = Object.fromEntries(
            [...parsed.headers].map(([key, value]) => [
              key,
              typeof value === "string" ? value : JSON.stringify(value),
            ]),
          );
          messages.push({
            id: nextId++,
            messageId: parsed.messageId ?? null,
            from: parsed.from?.text ?? "",
            to,
            subject: parsed.subject ?? "",
            date: (parsed.date ?? new Date()).toISOString(),
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : null,
            headers,
          });
          log(`caught "${parsed.subject ?? ""}" for ${to.join(", ")}`);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  smtp.on("error", (error) => log(`SMTP error: ${error.message}`));

  const web = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      response.end(body);
    };
    if (url.pathname === "/api/messages" && request.method === "GET") {
      return send(200, "application/json", JSON.stringify(messages));
    }
    if (url.pathname === "/api/messages" && request.method === "DELETE") {
      messages.length = 0;
      return send(200, "application/json", "{}");
    }
    if (url.pathname === "/api/faults" && request.method === "POST") {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        try {
          down = Boolean((JSON.parse(body || "{}") as { down?: unknown }).down);
          send(200, "application/json", JSON.stringify({ down }));
        } catch {
          send(400, "application/json", JSON.stringify({ error: 'expected JSON like {"down": true}' }));
        }
      });
      return;
    }
    const shown = /^\/messages\/(\d+)$/.exec(url.pathname);
    if (shown) {
      const message = messages.find((m) => m.id === Number(shown[1]));
      return message
        ? send(200, "text/html; charset=utf-8", messagePage(message))
        : send(404, "text/plain", "no such message");
    }
    if (url.pathname === "/") return send(200, "text/html; charset=utf-8", mailboxPage(messages));
    send(404, "text/plain", "not found");
  });

  const smtpAddress = await listen(smtp.server as Server, smtpPort, host);
  const webAddress = await listen(web, webPort, host);
  return {
    smtpUrl: `smtp://${host}:${smtpAddress.port}`,
    url: `http://${host}:${webAddress.port}`,
    messages,
    stop: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      web.closeAllConnections();
      await new Promise<void>((resolve) => web.close(() => resolve()));
    },
  };
}

function outage(): Error {
  return Object.assign(new Error("local mailbox is down (fault injected)"), { responseCode: 421 });
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}
