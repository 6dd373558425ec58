// npm run bench:live — how fast a committed status change reaches the browser, and what one
// instance pays to hold many subscribers. Runs the production build as `npm start` does (the
// custom server, LIVE_BUS=postgres: LISTEN/NOTIFY) on a fresh PostgreSQL database, with the
// in-memory QBitFlow sandbox holding an open session for every order (so the server's own status
// checks find them unchanged). Changes are committed from this process through the app's
// transition function, as a webhook on another instance would. Prints its figures; exits 1 when
// an update never arrives, 2 when PostgreSQL cannot be reached or the set-up fails.
//
//   npm run bench:live -- [--trials 100] [--warmup 5] [--subscribers 1000] [--rounds 3]
//                         [--skip-build] [--keep-db]
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { startLocalQBitFlow, type LocalQBitFlow } from "../stack/qbitflow";
import { seedOrderSet, type BenchDatabase } from "./database";
import { cleanUpOnce, openBenchDatabase, runCommand } from "./cli";
import { readLiveOptions } from "./live-args";
import { openBrowser, openOrderPage, watchHeading, headingTimes, type BrowserSession } from "./live-browser";
import { liveUrl, subscribe } from "./live-clients";
import { startFanoutClients } from "./live-fanout";
import {
  printFanout,
  printLoad,
  printMachine,
  printTargets,
  printTrials,
  type FanoutRound,
  type Trial,
} from "./live-report";
import { listenForChanges, openSandboxSessions, startLiveApp, type LiveApp } from "./live-stack";
import { appEnv, buildApp, freePort, hasBuild } from "./servers";

const options = readLiveOptions();
const log = (line: string) => console.log(`[bench] ${line}`);
/** One clock for everything, comparable with the browser's performance.timeOrigin + now(). */
const now = () => performance.timeOrigin + performance.now();

let database: BenchDatabase | undefined;
let qbitflow: LocalQBitFlow | undefined;
let app: LiveApp | undefined;
let browser: BrowserSession | undefined;
const closers: (() => Promise<unknown>)[] = [];
const cleanUp = cleanUpOnce({
  stop: async () => {
    for (const close of closers.reverse()) await close().catch(() => {});
    await browser?.close().catch(() => {});
    await app?.stop().catch(() => {});
    await qbitflow?.stop().catch(() => {});
  },
  database: () => database,
  keepDb: options.keepDb,
  log,
});

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    sleep(ms, undefined, { ref: false }).then(() =>
      Promise.reject(new Error(`${what}: nothing within ${ms} ms`)),
    ),
  ]);
}

async function main(): Promise<number> {
  database = await openBenchDatabase(options.adminUrl);
  if (!database) return 2;
  const db = database;
  log(`database ${db.name} created and migrated`);
  printLoad("at the start");

  const total = options.warmup + options.trials + options.rounds;
  const orderIds = (await seedOrderSet(db.url, "live", total)).orders.map((order) => order.id);
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  qbitflow = await startLocalQBitFlow({ appUrl, port: 0, stateFile: null });
  await openSandboxSessions(qbitflow.sandbox, db.url, orderIds);
  log(`seeded ${total} PENDING orders, each with an open session in the sandbox at ${qbitflow.sandbox.url}`);

  const env = {
    ...appEnv(db.url, qbitflow.env.QBITFLOW_WEBHOOK_SECRET!, appUrl),
    ...qbitflow.env,
    LIVE_BUS: "postgres",
  };
  if (options.skipBuild && hasBuild()) log("--skip-build: using the existing .next build");
  else {
    log("next build (production)…");
    const started = Date.now();
    await buildApp(env);
    log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }

  // This process commits changes as the app does: its lib/env.ts must read the same database.
  Object.assign(process.env, { DATABASE_URL: db.url, LIVE_BUS: "postgres", ...qbitflow.env });
  const { applyOrderEvent } = await import("../../lib/orders/apply-order-event");
  // Prisma and the transition function share lib/sql.ts's pool: close it before the database goes.
  const { pool } = await import("../../lib/sql");
  closers.push(() => pool().end());
  const commit = async (orderId: string) => {
    const start = now();
    const txHash = `0x${randomBytes(32).toString("hex")}`;
    const result = await applyOrderEvent(orderId, { type: "payment_sent", txHash }, { source: "webhook" });
    const end = now();
    if (result.outcome !== "changed")
      throw new Error(`order ${orderId}: ${result.outcome}, expected a change`);
    return { start, end };
  };

  app = await startLiveApp(env, port);
  log(`app (tsx server.ts, production, LIVE_BUS=postgres) on ${appUrl}, serving pid ${app.servingPid}`);
  const listener = await listenForChanges(db.url, now);
  closers.push(listener.close);
  browser = await openBrowser(now);
  const { page } = browser;
  const wsUrl = liveUrl(app.url);

  const trials: Trial[] = [];
  const failures: string[] = [];
  log(`commit → DOM: ${options.warmup} warm-up + ${options.trials} measured orders`);
  for (let i = 0; i < options.warmup + options.trials; i++) {
    const orderId = orderIds[i]!;
    const node = subscribe(wsUrl, orderId, "CONFIRMING", now);
    try {
      await openOrderPage(page, app.url, orderId);
      await within(node.ready, 10_000, "Node ws client subscribe");
      await watchHeading(page);
      await sleep(20 + Math.random() * 80); // commits not in step with anything periodic
      const { start, end } = await commit(orderId);
      const [times, nodeWs] = await Promise.all([
        headingTimes(page),
        within(node.arrived, 10_000, "Node ws client snapshot"),
      ]);
      if (i >= options.warmup) {
        const notify = listener.arrivals.get(orderId);
        const { dom, frame, ws: browserWs } = times;
        trials.push({ orderId, commitStart: start, commitEnd: end, notify, nodeWs, browserWs, dom, frame });
      }
    } catch (error) {
      failures.push(`order ${orderId}: ${(error as Error).message}`);
    } finally {
      node.close();
    }
  }
  await page.goto("about:blank");

  const rounds: FanoutRound[] = [];
  if (options.rounds > 0) {
    const inspector = await app.inspect();
    closers.push(async () => inspector.close());
    const clients = startFanoutClients();
    closers.push(clients.stop);
    // Unmeasured: the first connections of a process allocate what later ones reuse.
    await clients.open(wsUrl, orderIds[options.warmup + options.trials]!, Math.min(100, options.subscribers));
    await clients.close();
    await sleep(1000);
    for (let r = 0; r < options.rounds; r++) {
      const orderId = orderIds[options.warmup + options.trials + r]!;
      log(`fan-out round ${r + 1}: connecting ${options.subscribers} clients to one order`);
      const before = await inspector.memory();
      const opened = await clients.open(wsUrl, orderId, options.subscribers);
      await sleep(1000);
      const after = await inspector.memory();
      try {
        const { start, end } = await commit(orderId);
        const got = await clients.collect(15_000);
        const notify = listener.arrivals.get(orderId);
        rounds.push({
          subscribers: options.subscribers,
          connected: options.subscribers - opened.failures.length,
          connectFailures: opened.failures,
          connectMs: opened.connectMs,
          before,
          after,
          commitMs: end - start,
          arrivals: got.times.map((t) => t - end),
          missing: got.missing,
          notifyMs: notify === undefined ? undefined : notify - end,
          closed: undefined,
        });
      } finally {
        await clients.close();
      }
      await sleep(2000); // the server handles the closes
      rounds.at(-1)!.closed = await inspector.memory();
    }
  }

  console.log("");
  printMachine(db.serverVersion, browser.version);
  printLoad("at the end");
  const domP95 = printTrials(trials, failures, browser.clockOffset);
  printFanout(rounds);
  printTargets(domP95, rounds);

  const lost = rounds.filter((r) => r.missing > 0 || r.connected < r.subscribers);
  if (failures.length || trials.length < options.trials || lost.length) {
    console.error(
      `\n[bench] FAILED: ${failures.length} trials failed, ${lost.length} fan-out rounds incomplete`,
    );
    return 1;
  }
  console.log(`\n[bench] every update arrived: ${trials.length} pages, ${rounds.length} fan-out rounds`);
  return 0;
}

await runCommand(main, cleanUp);
