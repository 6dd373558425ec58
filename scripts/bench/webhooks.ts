// npm run bench:webhooks — webhook throughput of the production build against real PostgreSQL,
// next to a bare node:http server doing the same verification and SQL (the baseline), so the
// cost of the framework is visible. Prints its figures; exits 1 only when the database shows a
// lost event or a double fulfilment (timing targets are printed, never asserted), 2 when
// PostgreSQL cannot be reached or the set-up fails.
//
//   npm run bench:webhooks -- [--events 3000] [--concurrency 50] [--duplicates 0.2] [--skip-build]
//                             [--products 1] [--floor 0] [--warmup 50] [--keep-db]
import { randomBytes } from "node:crypto";
import { checkOrderSet, seedOrderSet, type BenchDatabase } from "./database";
import { readOptions } from "./args";
import { cleanUpOnce, openBenchDatabase, runCommand } from "./cli";
import { measure, type MeasureOptions } from "./measure";
import { checksPass, printComparison, printMachine, printRun, type RunReport } from "./report";
import {
  appEnv,
  buildApp,
  freePort,
  hasBuild,
  startApp,
  startAppCode,
  startBaseline,
  type RunningServer,
} from "./servers";

const options = readOptions();
const secret = `whsec_bench_${randomBytes(16).toString("hex")}`;
const log = (line: string) => console.log(`[bench] ${line}`);

let database: BenchDatabase | undefined;
const running = new Set<RunningServer>();
const cleanUp = cleanUpOnce({
  stop: async () => {
    await Promise.all([...running].map((server) => server.stop().catch(() => {})));
    running.clear();
  },
  database: () => database,
  keepDb: options.keepDb,
  log,
});

async function withServer<T>(start: () => Promise<RunningServer>, work: (s: RunningServer) => Promise<T>) {
  const server = await start();
  running.add(server);
  try {
    return await work(server);
  } finally {
    running.delete(server);
    await server.stop();
  }
}

async function main(): Promise<number> {
  database = await openBenchDatabase(options.adminUrl);
  if (!database) return 2;
  const db = database;
  log(`database ${db.name} created and migrated`);
  printMachine(db.serverVersion, options.concurrency);

  const seeded = Date.now();
  const appSet = await seedOrderSet(db.url, "app", options.events, options.products);
  const baselineSet = await seedOrderSet(db.url, "baseline", options.events, options.products);
  const appWarmup = await seedOrderSet(db.url, "app-warmup", options.warmup);
  const baselineWarmup = await seedOrderSet(db.url, "baseline-warmup", options.warmup);
  const appCodeSets = options.withoutNext
    ? [
        await seedOrderSet(db.url, "app-code-warmup", options.warmup),
        await seedOrderSet(db.url, "app-code", options.events, options.products),
      ]
    : undefined;
  log(
    `seeded 2 × ${options.events} orders over ${appSet.productIds.length} product(s) each ` +
      `(+ 2 × ${options.warmup} warm-up) in ${Date.now() - seeded} ms`,
  );

  const port = await freePort();
  const env = appEnv(db.url, secret, `http://127.0.0.1:${port}`);
  if (options.skipBuild && hasBuild()) log("--skip-build: using the existing .next build");
  else {
    if (options.skipBuild) log("--skip-build given but there is no .next/BUILD_ID: building");
    log("next build (production)…");
    const started = Date.now();
    await buildApp(env);
    log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }

  const measureOptions: MeasureOptions = {
    concurrency: options.concurrency,
    duplicateShare: options.duplicateShare,
    secret,
    floorRequests: options.floor,
    database: db,
    log,
  };
  // One server at a time, so neither competes with the other for the CPU.
  const app = await withServer(
    () => startApp(env, port),
    (server) => measure(server, appWarmup, appSet, measureOptions),
  );
  const baseline = await withServer(
    () => startBaseline(env),
    (server) => measure(server, baselineWarmup, baselineSet, measureOptions),
  );

  const appCode =
    appCodeSets &&
    (await withServer(
      () => startAppCode(env),
      (server) => measure(server, appCodeSets[0]!, appCodeSets[1]!, measureOptions),
    ));

  const reports: RunReport[] = [];
  for (const run of appCode ? [app, baseline, appCode] : [app, baseline]) {
    const sent = run.load.requests + run.redelivered;
    const checks = await checkOrderSet(db.url, run.set, run.eventIds, sent);
    reports.push({ ...run, events: run.set.orders.length, checks });
  }
  for (const report of reports) printRun(report);
  printComparison(reports[0]!, reports[1]!, reports[2]);

  const failed = reports.filter((report) => !checksPass(report.checks));
  if (failed.length) {
    console.error(`\n[bench] correctness checks FAILED for: ${failed.map((r) => r.name).join(", ")}`);
    return 1;
  }
  console.log(`\n[bench] correctness: no event lost, no double fulfilment (app and baseline)`);
  return 0;
}

await runCommand(main, cleanUp);
