// npm run bench:lighthouse — Lighthouse (mobile, simulated throttling: its defaults) on the
// storefront's pages, served by the production build against real PostgreSQL, in the machine's
// Chromium. Lighthouse itself comes from the npm registry through npx at the pinned version (a
// check tool of ~100 packages that the app and its tests never need). Each page runs --runs
// times and the median run is reported: score, LCP, CLS, TBT and the JavaScript a first visit
// loads. Targets are printed, never asserted. Exits 2 when the set-up or Lighthouse fails.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { loadAverage, log, readOptions, ROOT, runBench } from "./common";
import { startStorefront, storefrontRoutes, type Route } from "./storefront";

const LIGHTHOUSE = "lighthouse@12.8.2"; // 13.x needs Node ≥ 22.19; this one runs on Node 20 too
const options = readOptions(
  `usage: npm run bench:lighthouse -- [--runs 3] [--skip-build] [--keep-db]
  CHROME_PATH: the Chromium to use (default /usr/bin/chromium)
  BENCH_DATABASE_URL: admin URL of the PostgreSQL to use (default postgresql://postgres@127.0.0.1:5432/postgres)`,
  { runs: [3, 1] },
);
const TARGETS = { score: 98, lcpMs: 2000, cls: 0.01 };

type Run = { score: number; lcpMs: number; cls: number; tbtMs: number; scriptKiB: number };

interface Report {
  categories: { performance: { score: number | null } };
  audits: Record<
    string,
    { numericValue?: number; details?: { items?: { resourceType?: string; transferSize?: number }[] } }
  >;
  runtimeError?: { message: string };
}

async function lighthouse(url: string, chrome: string, dir: string): Promise<Run> {
  const output = path.join(dir, "report.json");
  await promisify(execFile)(
    "npx",
    [
      "--yes",
      LIGHTHOUSE,
      url,
      "--only-categories=performance",
      "--output=json",
      `--output-path=${output}`,
      "--quiet",
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
    ],
    { cwd: ROOT, env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 64 * 2 ** 20 },
  );
  const report = JSON.parse(readFileSync(output, "utf8")) as Report;
  if (report.runtimeError) throw new Error(`Lighthouse on ${url}: ${report.runtimeError.message}`);
  const value = (audit: string) => report.audits[audit]?.numericValue ?? NaN;
  const scripts = (report.audits["network-requests"]?.details?.items ?? []).filter(
    (item) => item.resourceType === "Script",
  );
  return {
    score: Math.round((report.categories.performance.score ?? 0) * 100),
    lcpMs: value("largest-contentful-paint"),
    cls: value("cumulative-layout-shift"),
    tbtMs: value("total-blocking-time"),
    scriptKiB: scripts.reduce((sum, item) => sum + (item.transferSize ?? 0), 0) / 1024,
  };
}

function median(runs: Run[]): Run {
  return [...runs].sort((a, b) => a.score - b.score)[Math.floor(runs.length / 2)]!;
}

function print(rows: (Route & Run)[]): void {
  console.log(
    `\nLighthouse ${LIGHTHOUSE.split("@")[1]}, mobile, simulated throttling; median of ${options.runs}`,
  );
  console.log("page          score   LCP        CLS      TBT       first-load JS (transfer)");
  for (const row of rows)
    console.log(
      [
        row.name.padEnd(12),
        String(row.score).padStart(5),
        `   ${(row.lcpMs / 1000).toFixed(2)} s`.padEnd(11),
        row.cls.toFixed(3).padEnd(8),
        `${row.tbtMs.toFixed(0)} ms`.padEnd(9),
        `${row.scriptKiB.toFixed(1)} KiB`,
      ].join(" "),
    );
  console.log(
    `\ntargets (printed, not asserted): score ≥ ${TARGETS.score}, LCP ≤ ${TARGETS.lcpMs / 1000} s, CLS ≤ ${TARGETS.cls}`,
  );
  for (const row of rows) {
    const meets = row.score >= TARGETS.score && row.lcpMs <= TARGETS.lcpMs && row.cls <= TARGETS.cls;
    console.log(`  ${row.name} (${row.path}): ${meets ? "meets" : "misses"}`);
  }
}

await runBench(async () => {
  const chrome = process.env.CHROME_PATH || "/usr/bin/chromium";
  if (!existsSync(chrome)) {
    console.error(`[bench] no Chromium at ${chrome}: apt-get install -y chromium, or set CHROME_PATH`);
    return 2;
  }
  const storefront = await startStorefront(options);
  if (!storefront) return 2;
  const { db, url } = storefront;
  const dir = mkdtempSync(path.join(os.tmpdir(), "lighthouse-"));
  try {
    const pages = [...(await storefrontRoutes(db)).slice(1), { name: "cart", path: "/cart" }];
    const rows: (Route & Run)[] = [];
    for (const page of pages) {
      const runs: Run[] = [];
      for (let i = 0; i < options.runs; i++)
        runs.push(await lighthouse(new URL(page.path, url).href, chrome, dir));
      rows.push({ ...page, ...median(runs) });
      log(`${page.name}: ${runs.map((run) => run.score).join(", ")}`);
    }
    print(rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`load average after the runs: ${loadAverage()}`);
  return 0;
});
