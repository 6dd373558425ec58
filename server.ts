// The custom server: Next.js and the live order-status WebSocket (/api/live) on one port.
//
//   npm run dev   →  tsx server.ts --dev   (Turbopack, hot reload)
//   npm start     →  node dist/server.mjs  (this file, bundled by `npm run build`; plain Node, no tsx)
//                    under Docker/Kubernetes run `node dist/server.mjs` itself: npm does not pass
//                    SIGTERM on to it
//
// Next's own upgrade requests (hot reload in development) are passed to Next untouched.
// SIGTERM and SIGINT shut down gracefully (lib/server/graceful-shutdown.ts): WebSockets closed
// with 1001 (clients reconnect elsewhere), in-flight requests finished, pool released, within
// SHUTDOWN_TIMEOUT_MS.
import { createServer } from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER, markCustomServer } from "./lib/client-address";
import { getEnvOrExit } from "./lib/env";
import { LIVE_PATH } from "./lib/live/protocol";
import { gracefulShutdown } from "./lib/server/graceful-shutdown";

const dev = process.argv.includes("--dev");
// `node dist/server.mjs` alone is production (what a container's CMD should run, so that its
// SIGTERM reaches this process rather than npm, which does not pass it on).
(process.env as Record<string, string | undefined>).NODE_ENV ??= dev ? "development" : "production";
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";

const env = getEnvOrExit();
markCustomServer();
// Imported only now: these modules read the configuration as they load.
const { createLiveServer } = await import("./lib/live/live-server");
const { closePool } = await import("./lib/sql");
const background = await import("./lib/background"); // the outbox's dispatcher

const app = next({ dev, turbopack: dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
const nextUpgrade = app.getUpgradeHandler();
const live = await createLiveServer();
const jobs = await background.start();

const server = createServer((request, response) => {
  // The TCP peer, for the login and checkout limits (lib/client-address.ts). Set here, over any
  // copy the client sent, so the app can believe it.
  const address = request.socket.remoteAddress;
  if (address) request.headers[CLIENT_ADDRESS_HEADER] = address;
  else delete request.headers[CLIENT_ADDRESS_HEADER];
  void handle(request, response);
});
server.on("upgrade", (request, socket, head) => {
  const { pathname } = new URL(request.url ?? "/", "http://localhost");
  if (pathname === LIVE_PATH) live.handleUpgrade(request, socket, head);
  else void nextUpgrade(request, socket, head);
});
server.listen(port, hostname, () => {
  console.log(
    `> Ready on http://localhost:${port} (${dev ? "development" : "production"}, live updates at ${LIVE_PATH})`,
  );
});

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log(`> ${signal}: finishing in-flight requests (at most ${env.SHUTDOWN_TIMEOUT_MS} ms)`);
    // Should anything below hang, the process still ends.
    setTimeout(() => process.exit(1), env.SHUTDOWN_TIMEOUT_MS + 5_000).unref();
    const report = await gracefulShutdown({
      server,
      closeLive: () => live.close(),
      // The outbox's dispatcher first: it stops claiming, jobs in flight finish (or, cut off, run
      // again elsewhere once their lease ends).
      release: [() => jobs.stop(), () => app.close(), closePool],
      timeoutMs: env.SHUTDOWN_TIMEOUT_MS,
      log: (line) => console.error(`> shutdown: ${line}`),
    });
    console.log(`> Stopped in ${report.ms} ms${report.forced ? " (requests cut at the deadline)" : ""}`);
    process.exit(0);
  });
}
