// The custom server: Next.js and the live order-status WebSocket (/api/live) on one port.
//
//   npm run dev   →  tsx server.ts --dev   (Turbopack, hot reload)
//   npm start     →  NODE_ENV=production tsx server.ts   (after npm run build)
//
// Next's own upgrade requests (hot reload in development) are passed to Next untouched.
// SIGTERM and SIGINT close the WebSockets (1001, clients reconnect elsewhere) and the server.
import { createServer } from "node:http";
import next from "next";
import { getEnvOrExit } from "./lib/env";
import { LIVE_PATH } from "./lib/live/protocol";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";

getEnvOrExit();
// Imported only now: these modules read the configuration as they load.
const { createLiveServer } = await import("./lib/live/live-server");
const { startJobRunner } = await import("./lib/jobs/run-jobs"); // the outbox's dispatcher

const app = next({ dev, turbopack: dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
const nextUpgrade = app.getUpgradeHandler();
const live = await createLiveServer();
const jobs = await startJobRunner();

const server = createServer((request, response) => void handle(request, response));
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
    await live.close();
    await jobs.stop(); // lets the jobs in flight finish; the rest wait in the table
    server.close();
    server.closeAllConnections();
    await app.close();
    process.exit(0);
  });
}
