// The app's own webhook code (lib/webhooks/receive-webhook.ts: the same verification, zod
// parsing, statements and transaction) behind a bare node:http server instead of Next.js.
// Between the baseline and `next start`, it splits the framework's cost into Next.js's share and
// that of the app's own layers (Web Request/Response, zod, the statement builders).
// Started by the benchmark with `node --conditions react-server --import tsx` so that
// `server-only` resolves to its empty module, as it does in the app's server bundle; tsx
// resolves the `@/` alias. Prints `listening <port>` once it accepts requests.
import http from "node:http";
import { Readable } from "node:stream";
import { receiveWebhook } from "../../lib/webhooks/receive-webhook";

const server = http.createServer((incoming, outgoing) => {
  void (async () => {
    if (incoming.method !== "POST" || incoming.url !== "/api/webhooks/qbitflow") {
      incoming.resume();
      outgoing.writeHead(incoming.url === "/api/webhooks/qbitflow" ? 405 : 404).end();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    const request = new Request(`http://127.0.0.1${incoming.url}`, {
      method: "POST",
      headers,
      body: Readable.toWeb(incoming) as ReadableStream<Uint8Array>,
      duplex: "half",
    } as RequestInit);
    const response = await receiveWebhook(request);
    const body = Buffer.from(await response.arrayBuffer());
    outgoing.writeHead(response.status, {
      ...Object.fromEntries(response.headers),
      "content-length": body.length,
    });
    outgoing.end(body);
  })().catch((error: unknown) => {
    console.error("[app-code]", error);
    if (!outgoing.headersSent) outgoing.writeHead(500).end();
  });
});

server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : "?"}`);
});
const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
