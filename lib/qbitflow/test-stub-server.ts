// A scripted HTTP server for the client tests: answers each request with the next scripted reply
// and records what arrived, so tests assert on real wire traffic rather than on a mocked fetch.
// Test support only; nothing in the app imports it.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path and query as received, e.g. /v2/transaction/session-checkout/pay@x/status. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * - `{ status, body?, headers? }`: answer; an object body is sent as JSON, a string as is.
 * - `"hang"`: never answer (for timeouts).
 * - `"destroy"`: drop the connection without answering (a network error).
 */
export type StubReply =
  { status: number; body?: unknown; headers?: Record<string, string> } | "hang" | "destroy";

export interface StubServer {
  /** Base URL including /v2, ready for `createQBitFlowClient({ baseUrl })`. */
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Replies are used in order; the last one repeats once the list runs out. */
export async function startStubServer(replies: StubReply[]): Promise<StubServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const reply = replies[Math.min(requests.length - 1, replies.length - 1)] ?? { status: 500 };
      if (reply === "hang") return;
      if (reply === "destroy") {
        req.socket.destroy();
        return;
      }
      const text =
        reply.body === undefined
          ? ""
          : typeof reply.body === "string"
            ? reply.body
            : JSON.stringify(reply.body);
      const type = typeof reply.body === "string" ? "text/plain" : "application/json";
      res.writeHead(reply.status, { "Content-Type": type, ...reply.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v2`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
