// npm run bench:pages — how fast the storefront's pages are served by the production build
// against real PostgreSQL, next to a static file from public/ served by the same server in the
// same run (the baseline: what a page costs when nothing is rendered). Load comes from autocannon,
// in this process, one route at a time. Prints its figures; timing targets are printed, never
// asserted. Exits 1 when a route answers anything but 200, 2 when the set-up fails.
import autocannon from "autocannon";
import { loadAverage, log, ms, readOptions, runBench, startCpuMeter, type BenchDatabase } from "./common";
import { startStorefront, storefrontRoutes, type Route } from "./storefront";

const options = readOptions(
  `usage: npm run bench:pages -- [--seconds 10] [--concurrency 10] [--warmup 200] [--skip-build] [--keep-db]
  --seconds N   how long each route is loaded
  --warmup N    requests sent to each route before it is measured
  BENCH_DATABASE_URL: admin URL of the PostgreSQL to use (default postgresql://postgres@127.0.0.1:5432/postgres)`,
  { seconds: [10, 1], concurrency: [10, 1], warmup: [200, 0] },
);
const TARGET_RATIO = 0.25;
const TARGET_P50_MS = 10;

type Figures = Route & { rps: number; p50: number; p99: number; non2xx: number; cpuMsPerRequest?: number };

async function load(url: URL, route: Route, opts: { seconds?: number; amount?: number }) {
  const result = await new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(
      {
        url: new URL(route.path, url).href,
        connections: options.concurrency,
        ...(opts.amount ? { amount: opts.amount } : { duration: opts.seconds }),
        timeout: 30,
      },
      (error, outcome) => (error ? reject(error) : resolve(outcome)),
    ),
  );
  return result;
}

async function measure(url: URL, pid: number, db: BenchDatabase, route: Route): Promise<Figures> {
  if (options.warmup) await load(url, route, { amount: options.warmup });
  const cpu = await startCpuMeter(pid, db);
  const result = await load(url, route, { seconds: options.seconds });
  const usage = await cpu();
  const requests = result.requests.total;
  return {
    ...route,
    rps: requests / (result.duration || options.seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
    cpuMsPerRequest: usage && requests ? (usage.serverMs + usage.postgresMs) / requests : undefined,
  };
}

function print(figures: Figures[]): void {
  const baseline = figures[0]!;
  console.log(`\nconcurrency ${options.concurrency}, ${options.seconds} s per route, after a warm-up`);
  console.log("route                     req/s   ratio   p50        p99        CPU/req (server+db)  errors");
  for (const row of figures) {
    const ratio = row.rps / baseline.rps;
    console.log(
      [
        row.name.padEnd(24),
        row.rps.toFixed(0).padStart(6),
        ratio.toFixed(3).padStart(7),
        `  ${ms(row.p50).padEnd(10)}`,
        ms(row.p99).padEnd(10),
        (row.cpuMsPerRequest === undefined ? "n/a" : ms(row.cpuMsPerRequest)).padEnd(20),
        String(row.non2xx),
      ].join(" "),
    );
  }
  console.log(`\ntargets (printed, not asserted): ratio ≥ ${TARGET_RATIO} and p50 ≤ ${TARGET_P50_MS} ms`);
  for (const row of figures.slice(1)) {
    const ratio = row.rps / baseline.rps;
    const verdict = ratio >= TARGET_RATIO && row.p50 <= TARGET_P50_MS ? "meets" : "misses";
    console.log(`  ${row.name}: ${verdict} (ratio ${ratio.toFixed(3)}, p50 ${ms(row.p50)})`);
  }
  for (const row of figures) console.log(`  ${row.name}: ${row.path}`);
}

await runBench(async () => {
  const storefront = await startStorefront(options);
  if (!storefront) return 2;
  const { db, url, server } = storefront;
  const figures: Figures[] = [];
  for (const route of await storefrontRoutes(db)) {
    figures.push(await measure(url, server.pid, db, route));
    log(`${route.name}: ${figures.at(-1)!.rps.toFixed(0)} req/s`);
  }
  print(figures);
  console.log(`load average after the runs: ${loadAverage()}`);
  const failed = figures.filter((row) => row.non2xx > 0);
  if (failed.length) {
    console.error(`\n[bench] routes answered errors: ${failed.map((row) => row.path).join(", ")}`);
    return 1;
  }
  return 0;
});
