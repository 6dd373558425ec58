import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { gracefulShutdown } from "./graceful-shutdown";

let server: Server | undefined;
afterEach(() => server?.closeAllConnections());

// A server whose /slow answers after `ms`, and whose /hang never answers.
async function start(ms: number): Promise<number> {
  server = createServer((req, res) => {
    if (req.url === "/hang") return;
    setTimeout(() => res.end("done"), req.url === "/slow" ? ms : 0);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

function get(port: number, path: string): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request({ port, path, host: "127.0.0.1", agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
      res.on("error", (error) => resolve({ error: error.message }));
    });
    req.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end();
  });
}

describe("gracefulShutdown", () => {
  it("finishes the request in flight, refuses new ones, then releases in order", async () => {
    const port = await start(300);
    const inFlight = get(port, "/slow");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const order: string[] = [];
    const shutdown = gracefulShutdown({
      server: server!,
      closeLive: async () => void order.push("live"),
      release: [async () => void order.push("next"), async () => void order.push("pool")],
      timeoutMs: 5_000,
    });
    expect(await get(port, "/")).toEqual({ error: "ECONNREFUSED" });
    expect(await inFlight).toEqual({ status: 200, body: "done" });
    const report = await shutdown;
    expect(report.forced).toBe(false);
    expect(report.ms).toBeLessThan(2_000);
    expect(order).toEqual(["live", "next", "pool"]);
  });

  it("cuts a request that outlives the deadline, and still releases everything", async () => {
    const port = await start(0);
    const hanging = get(port, "/hang");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const released: string[] = [];
    const report = await gracefulShutdown({
      server: server!,
      closeLive: async () => {},
      release: [async () => void released.push("pool")],
      timeoutMs: 300,
    });
    expect(report.forced).toBe(true);
    expect(report.ms).toBeGreaterThanOrEqual(300);
    expect(report.ms).toBeLessThan(1_500);
    expect(await hanging).toHaveProperty("error");
    expect(released).toEqual(["pool"]);
  });
});
