// npm run bench:webhooks — webhook throughput of the production build against real PostgreSQL,
// next to a bare node:http server doing the same verification and SQL (the baseline), so the
// framework's cost is visible. Load comes from autocannon, in this process. Prints its figures;
// exits 1 only when the database shows a lost event or a double fulfilment (timing targets are
// printed, never asserted), 2 when PostgreSQL cannot be reached or the set-up fails.
import autocannon from "autocannon";
import { randomInt, randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { ADMIN_URL_HELP, appEnv, build, createDatabase, freePort, loadAverage, log, ms } from "./common";
import { paymentEvent, percentiles, printMachine, readOptions, ROOT, runBench, seedOrders } from "./common";
import { startCpuMeter, startServer, webhookHeaders, type BenchDatabase, type CpuUsage } from "./common";
import type { Delivery, OrderSet } from "./common";

const options = readOptions(
  `usage: npm run bench:webhooks -- [--events 3000] [--concurrency 50] [--duplicates 0.2] [--warmup 50]
                                  [--products 1] [--floor 0] [--without-next] [--skip-build] [--keep-db]
  --duplicates S  share of the requests that redeliver an event sent elsewhere in the run
  --products N    spread the orders over N products (default 1: every order for the same product)
  --floor N       also measure N signed requests refused before the database (400), per server
  --without-next  also measure the app's own route handler behind bare node:http
  ${ADMIN_URL_HELP}`,
  {
    events: [3000, 1],
    concurrency: [50, 1],
    duplicates: [0.2, 0, 1],
    warmup: [50, 0],
    products: [1, 1],
    floor: [0, 0],
  },
  ["without-next"],
);
const secret = `whsec_bench_${randomUUID().replaceAll("-", "")}`;
const TARGET_RPS = 500;
const TARGET_P99_MS = 100;

/** One event per order, then redeliveries of random ones (so `share` of all requests), shuffled. */
function plan(set: OrderSet, share: number): Delivery[] {
  const unique = set.orders.map((order) => paymentEvent(order));
  const all = [...unique];
  while (all.length < Math.round(unique.length / (1 - share)))
    all.push({ ...unique[randomInt(unique.length)]! });
  for (let i = all.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all;
}

/** Sends every delivery once over `connections` keep-alive connections, each signed as it goes out. */
async function load(url: URL, list: Delivery[], connections: number, expect = 200) {
  const answered = new Array<boolean>(list.length).fill(false);
  const [errors, samples, latencies] = [new Map<string, number>(), [] as string[], [] as number[]];
  let [next, duplicates] = [0, 0];
  type Context = { index?: number };
  const started = performance.now();
  const opts: autocannon.Options = {
    url: url.href,
    method: "POST",
    connections: Math.min(connections, list.length),
    amount: list.length,
    timeout: 30,
    requests: [
      {
        setupRequest: (request, context: Context) => {
          const delivery = list[(context.index = next++)]!;
          return { ...request, body: delivery.body, headers: webhookHeaders(delivery.body, secret) };
        },
        onResponse: (status, body, context: Context) => {
          if (status === expect) {
            answered[context.index!] = true;
            if (/"duplicate"\s*:\s*true/.test(body)) duplicates++;
            return;
          }
          errors.set(String(status), (errors.get(String(status)) ?? 0) + 1);
          if (samples.length < 5) samples.push(`${status} ${body}`.slice(0, 300));
        },
      },
    ],
  };
  await new Promise((resolve, reject) =>
    autocannon(opts, (error, result) => (error ? reject(error) : resolve(result))).on(
      "response",
      (_client, _status, _bytes, responseTime) => latencies.push(responseTime),
    ),
  );
  const wallMs = performance.now() - started;
  // Not answered with the expected status: QBitFlow would deliver these again.
  const failed = list.filter((_, i) => !answered[i]);
  // Answers other than the expected status, by status, and those with none.
  const network = failed.length - [...errors.values()].reduce((sum, n) => sum + n, 0);
  if (network > 0) errors.set("network", network);
  return { requests: list.length, wallMs, latencies, errors, samples, failed, duplicates };
}

type Load = Awaited<ReturnType<typeof load>>;
type Check = { name: string; expected: number; actual: number };

/** What the database says after a run; every figure must equal its expected value. */
async function check(db: BenchDatabase, set: OrderSet, eventIds: string[], sent: number): Promise<Check[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const { rows } = await client
    .query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM "WebhookEvent" WHERE "eventId" = ANY($1)) AS inbox,
              (SELECT count("processedAt") FROM "WebhookEvent" WHERE "eventId" = ANY($1)) AS processed,
              (SELECT coalesce(sum("attempts"), 0) FROM "WebhookEvent" WHERE "eventId" = ANY($1)) AS attempts,
              (SELECT count(*) FROM "Order" WHERE "id" = ANY($2) AND "status" = 'PAID' AND "stockState" = 'COMMITTED') AS paid,
              (SELECT count(*) FROM "Order" WHERE "id" = ANY($2) AND "needsReview") AS review,
              (SELECT sum("stock") FROM "ProductVariant" WHERE "productId" = ANY($3)) AS stock,
              count(*) FILTER (WHERE paid = 1) AS once, count(*) FILTER (WHERE paid > 1) AS twice
         FROM (SELECT count(*) FILTER (WHERE "toStatus" = 'PAID') AS paid FROM unnest($2::text[]) AS o(id)
                 LEFT JOIN "OrderStatusChange" s ON s."orderId" = o.id GROUP BY o.id) AS per_order`,
      [eventIds, set.orders.map((o) => o.id), set.productIds],
    )
    .finally(() => client.end());
  const r = Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
  const n = set.orders.length;
  return [
    { name: "events in the inbox (one row each)", expected: eventIds.length, actual: r.inbox! },
    { name: "events processed (processedAt set)", expected: eventIds.length, actual: r.processed! },
    { name: "deliveries counted (sum of attempts)", expected: sent, actual: r.attempts! },
    { name: "orders PAID with stock COMMITTED", expected: n, actual: r.paid! },
    { name: "orders with exactly one PAID change", expected: n, actual: r.once! },
    { name: "double fulfilments (>1 PAID change)", expected: 0, actual: r.twice! },
    { name: "orders flagged for review", expected: 0, actual: r.review! },
    // Taken out at checkout, kept out by the payment: a release would have put units back.
    { name: "product units sold", expected: n, actual: set.initialStock * set.productIds.length - r.stock! },
  ];
}

interface Run {
  name: string;
  events: number;
  load: Load;
  cpu: CpuUsage | undefined;
  floor?: { load: Load; cpu: CpuUsage | undefined };
  redelivered: number;
  stillFailing: number;
  checks: Check[];
}

const rps = (load: Load) => load.requests / (load.wallMs / 1000);

/** One server's turn: warm-up, the optional floor, the measured run, redeliveries, the checks. */
async function measure(
  db: BenchDatabase,
  env: NodeJS.ProcessEnv,
  [name, args, port]: [string, string[], number],
) {
  const warmup = await seedOrders(db.url, options.warmup);
  const set = await seedOrders(db.url, options.events, options.products);
  const url = new URL(`http://127.0.0.1:${port}/api/webhooks/qbitflow`);
  const server = await startServer(name, args, { ...env, PORT: String(port) }, url);
  try {
    const { concurrency } = options;
    const warm = await load(server.url, plan(warmup, 0), concurrency);
    log(`${name}: warm-up ${warm.requests} requests, ${warm.failed.length} errors`);
    if (warm.samples[0]) log(`  e.g. ${warm.samples[0]}`);
    let floor: Run["floor"];
    if (options.floor > 0) {
      // Signed but a v1 envelope: refused (400) before the inbox. HTTP, body, signature and parsing.
      const refused = () => Array.from({ length: options.floor }, () => paymentEvent(set.orders[0]!, "v1"));
      await load(server.url, refused().slice(0, 100), concurrency, 400);
      const stopMeter = await startCpuMeter(server.pid, db);
      floor = { load: await load(server.url, refused(), concurrency, 400), cpu: await stopMeter() };
    }
    const deliveries = plan(set, options.duplicates);
    log(`${name}: measuring ${deliveries.length} requests at concurrency ${concurrency}`);
    const stopMeter = await startCpuMeter(server.pid, db);
    const measured = await load(server.url, deliveries, concurrency);
    const cpu = await stopMeter();
    // Not part of the figures: what QBitFlow does next. An event refused with a 5xx is not lost
    // as long as a later delivery succeeds, so the database checks come after this.
    let [failed, redelivered] = [measured.failed, 0];
    for (let round = 0; round < 3 && failed.length > 0; round++) {
      log(`${name}: redelivering ${failed.length} requests that were not answered 200`);
      redelivered += failed.length;
      failed = (await load(server.url, failed, 5)).failed;
    }
    const eventIds = [...new Set(deliveries.map((d) => d.eventId))];
    const checks = await check(db, set, eventIds, deliveries.length + redelivered);
    const [events, stillFailing] = [set.orders.length, failed.length];
    return { name, events, load: measured, cpu, floor, redelivered, stillFailing, checks } satisfies Run;
  } finally {
    await server.stop();
  }
}

function printRun(run: Run): void {
  const { load } = run;
  const l = percentiles(load.latencies);
  const errors = [...load.errors.values()].reduce((sum, n) => sum + n, 0);
  const per = (cpuMs: number, requests = load.requests) => `${(cpuMs / requests).toFixed(2)} ms`;
  console.log(`\n== ${run.name}`);
  console.log(
    `  requests     ${load.requests} (${run.events} events + ${load.requests - run.events} duplicates)`,
  );
  console.log(`  wall time    ${(load.wallMs / 1000).toFixed(2)} s`);
  console.log(
    `  throughput   ${rps(load).toFixed(0)} req/s (${(run.events / (load.wallMs / 1000)).toFixed(0)} unique events/s)`,
  );
  console.log(
    `  latency      p50 ${ms(l.p50)}  p95 ${ms(l.p95)}  p99 ${ms(l.p99)}  max ${ms(l.max)}  mean ${ms(l.mean)}`,
  );
  console.log(`  answered as duplicate: ${load.duplicates} (sent ${load.requests - run.events})`);
  const kinds = [...load.errors].map(([key, n]) => `${n}× ${key}`).join(", ");
  console.log(`  errors       ${errors}${errors ? ` (${kinds})` : ""}`);
  for (const sample of load.samples) console.log(`    e.g. ${sample}`);
  if (run.redelivered) {
    console.log(
      `  redelivered after the run (as QBitFlow retries non-2xx): ${run.redelivered} requests, ${run.stillFailing} still failing`,
    );
  }
  if (run.cpu) {
    console.log(
      `  CPU/request  server ${per(run.cpu.serverMs)}, PostgreSQL ${per(run.cpu.postgresMs)}, ` +
        `load generator ${per(run.cpu.loadGeneratorMs)}; machine ${(run.cpu.machineBusy * 100).toFixed(0)}% busy`,
    );
  }
  if (run.floor) {
    const f = percentiles(run.floor.load.latencies);
    const cpu = run.floor.cpu
      ? `, server CPU ${per(run.floor.cpu.serverMs, run.floor.load.requests)}/request`
      : "";
    console.log(
      `  no-database floor (signed, refused 400 before SQL): ${rps(run.floor.load).toFixed(0)} req/s, ` +
        `p50 ${ms(f.p50)} p99 ${ms(f.p99)}, errors ${run.floor.load.failed.length}${cpu}`,
    );
  }
  console.log(`  database checks:`);
  for (const { name, expected, actual } of run.checks) {
    const ok = actual === expected;
    console.log(`    ${ok ? "ok  " : "FAIL"} ${name}: ${actual}${ok ? "" : ` (expected ${expected})`}`);
  }
}

function printSummary([app, baseline, appCode]: Run[]): void {
  const ratio = (a: Run, b: Run) =>
    `${(rps(a.load) / rps(b.load)).toFixed(2)} (${rps(a.load).toFixed(0)} / ${rps(b.load).toFixed(0)} req/s)`;
  const [appRps, p99] = [rps(app!.load), percentiles(app!.load.latencies).p99];
  const met = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log(`\n== summary`);
  console.log(`  app / baseline throughput ratio: ${ratio(app!, baseline!)}`);
  if (appCode) {
    console.log(`  app code without Next.js / baseline: ${ratio(appCode, baseline!)}`);
    console.log(`  app / app code without Next.js: ${ratio(app!, appCode)}`);
  }
  console.log(`  target ≥ ${TARGET_RPS} req/s: ${met(appRps >= TARGET_RPS)} (${appRps.toFixed(0)} req/s)`);
  console.log(`  target p99 ≤ ${TARGET_P99_MS} ms: ${met(p99 <= TARGET_P99_MS)} (${ms(p99)})`);
  console.log(`  (timing targets are information; correctness checks decide the exit code)`);
  console.log(`  load average at the end: ${loadAverage()}`);
}

await runBench(async () => {
  const db = await createDatabase(options["keep-db"]);
  if (!db) return 2;
  printMachine(`PostgreSQL ${db.version}, concurrency ${options.concurrency}`);
  console.log(`load average before the runs: ${loadAverage()}`);
  const port = await freePort();
  const env = appEnv(db.url, { QBITFLOW_WEBHOOK_SECRET: secret, APP_URL: `http://127.0.0.1:${port}` });
  await build(env, options["skip-build"]);
  const bare = [
    "--conditions",
    "react-server",
    "--import",
    "tsx",
    path.join(import.meta.dirname, "bare-server.ts"),
  ];
  const servers: [string, string[], number][] = [
    [
      "app (next start)",
      [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "--hostname", "127.0.0.1"],
      port,
    ],
    ["baseline (node:http + pg)", [...bare, "baseline"], await freePort()],
    ["app code without Next.js (node:http + the route handler)", [...bare, "app-code"], await freePort()],
  ];
  // One server at a time, each on orders of its own, so that none competes with another for the CPUs.
  const runs: Run[] = [];
  for (const server of servers.slice(0, options["without-next"] ? 3 : 2))
    runs.push(await measure(db, env, server));
  runs.forEach(printRun);
  printSummary(runs);

  const failed = runs.filter((run) => run.checks.some((c) => c.actual !== c.expected));
  if (failed.length) {
    console.error(`\n[bench] correctness checks FAILED for: ${failed.map((r) => r.name).join(", ")}`);
    return 1;
  }
  console.log(
    `\n[bench] correctness: no event lost, no double fulfilment (${runs.map((r) => r.name).join(", ")})`,
  );
  return 0;
});
