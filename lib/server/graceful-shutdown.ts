// Stopping the custom server without dropping work (SIGTERM from a process manager, a platform's
// redeploy, Ctrl-C): stop accepting connections, close the live WebSockets with 1001 so browsers
// reconnect to another instance, let in-flight requests finish, then release Next.js and the
// database pool. All within a bound: a request still running at the deadline is cut off, because
// the platform's own kill (Docker, systemd, Kubernetes: 10-30 s after SIGTERM) would be worse.
import type { Server } from "node:http";

export interface ShutdownSteps {
  server: Server;
  /** Closes the WebSockets (1001) and their bus. */
  closeLive: () => Promise<void>;
  /** After the last request: Next.js, then the pool. */
  release: Array<() => Promise<void>>;
  /** How long in-flight requests may take. Default 10 s. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface ShutdownReport {
  /** True when requests were still running at the deadline and their connections were cut. */
  forced: boolean;
  ms: number;
}

export async function gracefulShutdown(steps: ShutdownSteps): Promise<ShutdownReport> {
  const { server, timeoutMs = 10_000, log = () => {} } = steps;
  const started = Date.now();
  const drained = new Promise<void>((resolve) => server.close(() => resolve()));
  // close() keeps kept-alive connections open until they go idle; sweep the idle ones until the
  // last in-flight response has gone out.
  server.closeIdleConnections();
  const sweeper = setInterval(() => server.closeIdleConnections(), 100);

  await steps.closeLive().catch((error: unknown) => log(`live server close failed: ${String(error)}`));

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"timeout">(
    (resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)),
  );
  const forced = (await Promise.race([drained.then(() => "drained" as const), deadline])) === "timeout";
  clearTimeout(timer);
  clearInterval(sweeper);
  if (forced) {
    log(`requests still running after ${timeoutMs} ms: closing their connections`);
    server.closeAllConnections();
    await drained;
  }
  for (const release of steps.release) {
    await release().catch((error: unknown) => log(`release failed: ${String(error)}`));
  }
  return { forced, ms: Date.now() - started };
}
