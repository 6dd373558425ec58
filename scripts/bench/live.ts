// npm run bench:live — how fast a payment reaches the customer's open order page, and what one
// instance pays to hold many subscribers. Runs the production build as `npm start` does (the
// custom server, LIVE_BUS=postgres: LISTEN/NOTIFY) on a fresh PostgreSQL database. Each change is
// a signed payment.completed webhook sent to the app, as QBitFlow sends it; the orders have no
// checkout session, so the server's own status checks never call QBitFlow. Times after the change
// are taken from its commit, as a second LISTENer in this process sees the NOTIFY. Prints its
// figures; exits 1 when an update never arrives, 2 when PostgreSQL cannot be reached or the
// set-up fails.
import { chromium, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import WebSocket from "ws";
import {
  ADMIN_URL_HELP,
  appEnv,
  atCleanUp,
  build,
  createDatabase,
  freePort,
  loadAverage,
  log,
} from "./common";
import { ms, paymentEvent, percentiles, printMachine, readOptions, runBench, seedOrders } from "./common";
import { startServer, webhookHeaders } from "./common";

const options = readOptions(
  `usage: npm run bench:live -- [--trials 100] [--warmup 5] [--subscribers 1000] [--rounds 3]
                              [--skip-build] [--keep-db]
  --trials N       payment → DOM measurements in Chromium, one order each
  --subscribers N  WebSocket clients on one order for the fan-out and memory test
  --rounds N       fan-out rounds (each with fresh clients on a fresh order)
  ${ADMIN_URL_HELP}`,
  { trials: [100, 1], warmup: [5, 0], subscribers: [1000, 1], rounds: [3, 0] },
);
const secret = `whsec_bench_${randomUUID().replaceAll("-", "")}`;
/** One clock for everything, comparable with the browser's performance.timeOrigin + now(). */
const now = () => performance.timeOrigin + performance.now();
const DOM_TARGET_P95_MS = 50;

function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  const timeout = sleep(timeoutMs, undefined, { ref: false }).then(() => {
    throw new Error(`${what}: nothing within ${timeoutMs} ms`);
  });
  return Promise.race([promise, timeout]);
}

function deferred<T>() {
  let resolve!: (value: T) => void, reject!: (error: Error) => void;
  const promise = new Promise<T>((yes, no) => ((resolve = yes), (reject = no)));
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/**
 * A client of /api/live (protocol: lib/live/protocol.ts) subscribed to one order: `ready` when the
 * first snapshot came (the server watches the order for it), `arrived` when the one showing PAID
 * did (timed before anything else is done with the message).
 */
function subscribe(wsUrl: string, orderId: string) {
  const [ready, arrived] = [deferred<void>(), deferred<number>()];
  const socket = new WebSocket(wsUrl);
  socket.on("open", () => socket.send(JSON.stringify({ type: "subscribe", order: orderId })));
  socket.on("message", (data: Buffer) => {
    const at = now();
    const text = data.toString("utf8");
    if (!text.startsWith('{"type":"snapshot"')) return; // heartbeats
    ready.resolve();
    if (text.includes('"status":"PAID"')) arrived.resolve(at);
  });
  const fail = (error: Error) => (ready.reject(error), arrived.reject(error));
  socket.on("error", fail);
  socket.on("close", (code) => fail(new Error(`closed ${code}`)));
  setTimeout(() => ready.reject(new Error("no snapshot within 10 s")), 10_000).unref();
  const close = () => {
    socket.removeAllListeners("close");
    socket.on("error", () => {});
    socket.terminate();
  };
  return { ready: ready.promise, arrived: arrived.promise, close };
}

// Runs before the app's scripts: notes when the page's WebSocket got the PAID snapshot, before
// the app's handler ran, so the browser's share (parse, React Query, render) shows apart. Browser
// code is passed as strings: tsx's helpers (e.g. __name) would not exist in the page.
const WRAP_WEBSOCKET = `(() => {
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        const at = performance.timeOrigin + performance.now();
        if (String(event.data).includes('"status":"PAID"')) window.__benchWs ??= at;
      });
    }
  };
})()`;
// When the heading's data-status became PAID (MutationObserver, before paint), and the next frame.
const WATCH_HEADING = `(() => {
  const paid = () => document.querySelector("h1[data-status]")?.getAttribute("data-status") === "PAID";
  window.__benchDone = new Promise((resolve) => {
    if (paid()) return resolve({ error: "already PAID before the webhook" });
    const observer = new MutationObserver(() => {
      if (!paid()) return;
      const dom = performance.timeOrigin + performance.now();
      observer.disconnect();
      const settle = (frame) => resolve({ dom, frame, ws: window.__benchWs ?? null });
      const fallback = setTimeout(() => settle(null), 1000);
      requestAnimationFrame(() => (clearTimeout(fallback), settle(performance.timeOrigin + performance.now())));
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-status"] });
    setTimeout(() => (observer.disconnect(), resolve({ error: "no PAID heading within 10 s" })), 10000);
  });
})()`;

/** Browser clock − Node clock from the best of 30 round trips, and its uncertainty (ms). */
async function clockOffset(page: Page) {
  let best = { ms: 0, uncertainty: Infinity };
  for (let i = 0; i < 30; i++) {
    const before = now();
    const browserNow = await page.evaluate<number>("performance.timeOrigin + performance.now()");
    const half = (now() - before) / 2;
    if (half < best.uncertainty) best = { ms: browserNow - (before + half), uncertainty: half };
  }
  return best;
}

/** The app server's process.memoryUsage() after a full GC, through its inspector (SIGUSR1 opens it). */
async function openInspector(pid: number, url: Promise<string>) {
  process.kill(pid, "SIGUSR1");
  const socket = new WebSocket(await within(url, 10_000, "the app's inspector"));
  await once(socket, "open");
  // One call at a time, and no domain enabled: the next message is the answer.
  const call = async (method: string, params = {}) => {
    socket.send(JSON.stringify({ id: 1, method, params }));
    const [reply] = (await once(socket, "message")) as [Buffer];
    return (JSON.parse(reply.toString("utf8")) as { result?: { result?: { value: string } } }).result;
  };
  atCleanUp(async () => socket.close());
  return async (): Promise<NodeJS.MemoryUsage> => {
    // Twice: objects kept alive by finalizers or weak callbacks go in the second pass.
    await call("HeapProfiler.collectGarbage");
    await sleep(100);
    await call("HeapProfiler.collectGarbage");
    const expression = "JSON.stringify(process.memoryUsage())";
    const evaluated = await call("Runtime.evaluate", { expression, returnByValue: true });
    return JSON.parse(evaluated!.result!.value) as NodeJS.MemoryUsage;
  };
}

/** Rows of percentiles; `values` may hold nulls (a moment that was not observed). */
function printRows(rows: [string, (number | null)[]][]): void {
  for (const [label, values] of rows) {
    const s = percentiles(values.filter((v): v is number => v !== null));
    const cells = (["p50", "p95", "p99", "max", "mean"] as const).map((k) => `${k} ${ms(s[k]).padStart(9)}`);
    console.log(`  ${label.padEnd(45)} ${Number.isNaN(s.mean) ? "(no samples)" : cells.join("  ")}`);
  }
}

await runBench(async () => {
  const db = await createDatabase(options["keep-db"]);
  if (!db) return 2;
  const shared = "(shared machine: other work competes for the CPUs)";
  console.log(`load average at the start: ${loadAverage()} ${shared}`);
  const { trials, warmup, subscribers, rounds } = options;
  const orderIds = (await seedOrders(db.url, warmup + trials + rounds, 1, false)).orders.map((o) => o.id);
  log(`seeded ${orderIds.length} PENDING orders`);

  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const env = appEnv(db.url, { QBITFLOW_WEBHOOK_SECRET: secret, APP_URL: appUrl, LIVE_BUS: "postgres" });
  await build(env, options["skip-build"]);
  const inspectorUrl = deferred<string>();
  // As `npm start` runs it, in one process (tsx as a loader, not the tsx CLI's supervisor).
  const app = await startServer(
    "app",
    ["--inspect-port=127.0.0.1:0", "--import", "tsx", "server.ts"],
    { ...env, PORT: String(port), HOSTNAME: "127.0.0.1", TSX_TSCONFIG_PATH: "tsconfig.server.json" },
    new URL("/api/live", appUrl),
    (line) => {
      const inspector = /Debugger listening on (ws:\/\/\S+)/.exec(line)?.[1];
      if (inspector) inspectorUrl.resolve(inspector);
    },
  );
  log(`app (server.ts, production, LIVE_BUS=postgres) on ${appUrl}, pid ${app.pid}`);
  const wsUrl = `ws://127.0.0.1:${port}/api/live`;

  // A second LISTENer on the database: when the change's NOTIFY went out.
  const notified = new Map<string, number>();
  const listener = new pg.Client({ connectionString: db.url });
  listener.on("notification", ({ payload = "" }) => notified.has(payload) || notified.set(payload, now()));
  await listener.connect();
  await listener.query("LISTEN order_changed");
  atCleanUp(() => listener.end());
  const notifyAt = (orderId: string) =>
    [...notified].find(([payload]) => payload.includes(orderId))?.[1] ?? null;

  /** Sends the order's payment.completed; `start` and `end` bracket the request. */
  const pay = async (orderId: string) => {
    const { body } = paymentEvent({ id: orderId, sessionId: null });
    const start = now();
    const response = await fetch(new URL("/api/webhooks/qbitflow", appUrl), {
      method: "POST",
      headers: webhookHeaders(body, secret),
      body,
    });
    const end = now();
    const answer = await response.text();
    if (response.status !== 200 || answer.includes('"duplicate":true')) throw new Error(`webhook: ${answer}`);
    return { start, end };
  };

  // Debian's Chromium when there is one, with playwright.config.ts's flags; else Playwright's own.
  const executablePath = existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
  const flags = "--no-sandbox --disable-gpu --disable-background-networking --disable-component-update";
  const args = `${flags} --disable-sync --no-first-run --disable-quic`.split(" ");
  const browser = await chromium.launch(executablePath ? { executablePath, args } : {});
  atCleanUp(() => browser.close());
  const context = await browser.newContext();
  await context.addInitScript({ content: WRAP_WEBSOCKET });
  const page = await context.newPage();
  const offset = await clockOffset(page);

  // All on the Node clock; `commit` is when a 2nd LISTENer got the change's NOTIFY (the moment any
  // instance can know of it), or the webhook's answer should none have come.
  type Trial = Record<"start" | "end" | "commit" | "nodeWs" | "dom", number> &
    Record<"ws" | "frame", number | null>;
  const results: Trial[] = [];
  const failures: string[] = [];
  log(`payment → DOM: ${warmup} warm-up + ${trials} measured orders`);
  for (const [i, orderId] of orderIds.slice(0, warmup + trials).entries()) {
    const node = subscribe(wsUrl, orderId);
    try {
      await page.goto(`${appUrl}/orders/${orderId}`);
      await page.waitForSelector('[data-transport="live"]', { timeout: 15_000 });
      const status = await page.getAttribute("h1[data-status]", "data-status");
      if (status !== "PENDING") throw new Error(`the page shows ${status}, expected PENDING`);
      await node.ready;
      await page.evaluate(WATCH_HEADING);
      await sleep(20 + Math.random() * 80); // payments not in step with anything periodic
      const { start, end } = await pay(orderId);
      const [times, nodeWs] = await Promise.all([
        page.evaluate<{ dom: number; frame: number | null; ws: number | null } | { error: string }>(
          "window.__benchDone",
        ),
        within(node.arrived, 10_000, "Node ws client snapshot"),
      ]);
      if ("error" in times) throw new Error(times.error);
      if (i >= warmup) results.push({ start, end, commit: notifyAt(orderId) ?? end, nodeWs, ...times });
    } catch (error) {
      failures.push(`order ${orderId}: ${(error as Error).message}`);
    } finally {
      node.close();
    }
  }
  await page.goto("about:blank");

  const fanout: string[] = [];
  const held: { ok: boolean; last: number }[] = [];
  if (rounds > 0) {
    const memory = await openInspector(app.pid, inspectorUrl.promise);
    const open = async (orderId: string, count: number) => {
      const started = performance.now();
      const clients: ReturnType<typeof subscribe>[] = [];
      const errors: string[] = [];
      for (let n = 0; n < count; n += 100) {
        const batch = Array.from({ length: Math.min(100, count - n) }, () => subscribe(wsUrl, orderId));
        clients.push(...batch);
        for (const r of await Promise.allSettled(batch.map((c) => c.ready)))
          if (r.status === "rejected") errors.push(String(r.reason));
      }
      return { clients, errors, connectMs: performance.now() - started };
    };
    // Unmeasured: the first connections of a process allocate what later ones reuse.
    (await open(orderIds[warmup + trials]!, Math.min(100, subscribers))).clients.forEach((c) => c.close());
    await sleep(1000);
    const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
    const heap = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external;
    for (let r = 0; r < rounds; r++) {
      const orderId = orderIds[warmup + trials + r]!;
      log(`fan-out round ${r + 1}: connecting ${subscribers} clients to one order`);
      const before = await memory();
      const { clients, errors, connectMs } = await open(orderId, subscribers);
      await sleep(1000);
      const after = await memory();
      const { start, end } = await pay(orderId);
      const deadline = sleep(15_000, undefined, { ref: false }).then(() => null);
      const got = await Promise.all(
        clients.map((c) => Promise.race([c.arrived.catch(() => null), deadline])),
      );
      clients.forEach((c) => c.close());
      const commit = notifyAt(orderId) ?? end;
      const arrivals = got.filter((t): t is number => t !== null).map((t) => t - commit);
      const connected = subscribers - errors.length;
      await sleep(2000); // the server handles the closes
      const closed = await memory();
      const s = percentiles(arrivals);
      const per = (bytes: number) => `${(bytes / 1024 / Math.max(1, connected)).toFixed(1)} KiB`;
      held.push({ ok: connected === subscribers && arrivals.length === connected, last: s.max });
      fanout.push(
        `\n== fan-out round ${r + 1}: ${subscribers} WebSocket clients on one order`,
        `  connected    ${connected}/${subscribers} in ${(connectMs / 1000).toFixed(2)} s` +
          (errors.length ? ` (failures, e.g. ${errors[0]})` : ""),
        `  server memory after a full GC, before → with all connected: JS heap + external ` +
          `${mib(heap(before))} → ${mib(heap(after))}, RSS ${mib(before.rss)} → ${mib(after.rss)}`,
        `  per connection: JS heap + external ${per(heap(after) - heap(before))}, ` +
          `RSS ${per(after.rss - before.rss)} (RSS reuses pages freed earlier: least telling)`,
        `  2 s after the clients closed: JS heap + external ${mib(heap(closed))}`,
        `  one change   webhook ${ms(end - start)} (call → answer); NOTIFY ${ms(commit - start)} after the call`,
        `  snapshot at the clients, after the NOTIFY: first ${ms(Math.min(...arrivals))}  p50 ${ms(s.p50)}  ` +
          `p95 ${ms(s.p95)}  last ${ms(s.max)}`,
        `  received     ${arrivals.length}/${connected}` +
          (arrivals.length < connected ? ` (${connected - arrivals.length} MISSING)` : ""),
      );
    }
  }

  console.log("");
  printMachine(`PostgreSQL ${db.version}, ${executablePath ?? "Playwright's Chromium"} ${browser.version()}`);
  console.log(`load average at the end: ${loadAverage()} ${shared}`);
  console.log(`\n== payment → browser DOM (${results.length} orders, one change each, production build)`);
  console.log(
    `  browser clock − Node clock: ${offset.ms.toFixed(2)} ms ± ${offset.uncertainty.toFixed(2)} ms (not corrected)`,
  );
  const since = (from: keyof Trial, to: keyof Trial) =>
    results.map((t) => (t[from] === null || t[to] === null ? null : t[to]! - t[from]!));
  printRows([
    ["commit → heading shows PAID", since("commit", "dom")],
    ["commit → next animation frame", since("commit", "frame")],
    ["webhook sent → heading (incl. the webhook)", since("start", "dom")],
  ]);
  console.log("  stages (commit = the NOTIFY reached a 2nd LISTENer):");
  printRows([
    ["webhook (call → answer)", since("start", "end")],
    ["webhook sent → commit (the app's work)", since("start", "commit")],
    ["commit → Node ws client (server: read + send)", since("commit", "nodeWs")],
    ["commit → page WebSocket has snapshot", since("commit", "ws")],
    ["page WebSocket → heading (browser)", since("ws", "dom")],
  ]);
  const unnotified = results.filter((t) => t.commit === t.end).length;
  if (unnotified) console.log(`  (${unnotified} without a NOTIFY seen: timed from the webhook's answer)`);
  console.log(
    "  polling instead (every 3 s): the change waits for the next poll, uniform over 0–3 s: " +
      "mean 1.50 s, p95 2.85 s, plus the request",
  );
  if (failures.length)
    console.log(`  FAILED trials: ${failures.length}\n    e.g. ${failures.slice(0, 5).join("\n    e.g. ")}`);
  fanout.forEach((line) => console.log(line));

  const domP95 = percentiles(since("commit", "dom").filter((v): v is number => v !== null)).p95;
  const met = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log(`\n== targets (information; only functional failures change the exit code)`);
  console.log(
    `  commit → DOM p95 ≤ ${DOM_TARGET_P95_MS} ms: ${met(domP95 <= DOM_TARGET_P95_MS)} (${ms(domP95)})`,
  );
  if (held.length) {
    console.log(
      `  ${subscribers} concurrent subscribers on one instance: ${met(held.every((h) => h.ok))}; ` +
        `change → all of them: ${held.map((h) => ms(h.last)).join(", ")}`,
    );
  }
  const lost = held.filter((h) => !h.ok).length;
  if (failures.length || results.length < trials || lost) {
    console.error(`\n[bench] FAILED: ${failures.length} trials failed, ${lost} fan-out rounds incomplete`);
    return 1;
  }
  console.log(`\n[bench] every update arrived: ${results.length} pages, ${held.length} fan-out rounds`);
  return 0;
});
