// The printed report: one block per server, the database checks, and the comparison.
import os from "node:os";
import type { CpuUsage } from "./cpu";
import type { Check } from "./database";
import { summarize, type LoadResult } from "./load";

export interface RunReport {
  name: string;
  events: number;
  duplicates: number;
  load: LoadResult;
  cpu: CpuUsage | undefined;
  floor: LoadResult | undefined;
  floorCpu: CpuUsage | undefined;
  redelivered: number;
  stillFailing: number;
  checks: Check[];
}

const TARGET_RPS = 500;
const TARGET_P99_MS = 100;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const errorCount = (load: LoadResult) => [...load.errors.values()].reduce((sum, n) => sum + n, 0);
export const throughput = (load: LoadResult) => load.requests / (load.wallMs / 1000);
export const checksPass = (checks: Check[]) => checks.every((check) => check.actual === check.expected);

export function printMachine(serverVersion: string, concurrency: number): void {
  const cpus = os.cpus();
  console.log(
    `machine: ${cpus.length} CPU (${cpus[0]?.model.trim() ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  );
  console.log(`node ${process.version}, PostgreSQL ${serverVersion}, concurrency ${concurrency}`);
  console.log(
    `load average before the runs: ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
}

export function printRun(run: RunReport): void {
  const { load } = run;
  const latency = summarize(load.latencies);
  const errors = errorCount(load);
  console.log(`\n== ${run.name}`);
  console.log(`  requests     ${load.requests} (${run.events} events + ${run.duplicates} duplicates)`);
  console.log(`  wall time    ${(load.wallMs / 1000).toFixed(2)} s`);
  console.log(
    `  throughput   ${throughput(load).toFixed(0)} req/s (${(run.events / (load.wallMs / 1000)).toFixed(0)} unique events/s)`,
  );
  console.log(
    `  latency      p50 ${ms(latency.p50)}  p95 ${ms(latency.p95)}  p99 ${ms(latency.p99)}  max ${ms(latency.max)}  mean ${ms(latency.mean)}`,
  );
  console.log(`  answered as duplicate: ${load.duplicatesAcknowledged} (sent ${run.duplicates})`);
  const kinds = [...load.errors].map(([key, n]) => `${n}× ${key}`).join(", ");
  console.log(`  errors       ${errors}${errors ? ` (${kinds})` : ""}`);
  for (const sample of load.errorSamples) console.log(`    e.g. ${sample}`);
  if (run.redelivered) {
    console.log(
      `  redelivered after the run (as QBitFlow retries non-2xx): ${run.redelivered} requests, ${run.stillFailing} still failing`,
    );
  }
  if (run.cpu) {
    const per = (cpuMs: number) => `${(cpuMs / load.requests).toFixed(2)} ms`;
    console.log(
      `  CPU/request  server ${per(run.cpu.serverMs)}, PostgreSQL ${per(run.cpu.postgresMs)}, ` +
        `load generator ${per(run.cpu.loadGeneratorMs)}; machine ${(run.cpu.machineBusy * 100).toFixed(0)}% busy`,
    );
  }
  if (run.floor) {
    const floor = summarize(run.floor.latencies);
    console.log(
      `  no-database floor (signed, refused 400 before SQL): ${throughput(run.floor).toFixed(0)} req/s, ` +
        `p50 ${ms(floor.p50)} p99 ${ms(floor.p99)}, errors ${errorCount(run.floor)}` +
        (run.floorCpu
          ? `, server CPU ${(run.floorCpu.serverMs / run.floor.requests).toFixed(2)} ms/request`
          : ""),
    );
  }
  console.log(`  database checks:`);
  for (const check of run.checks) {
    const ok = check.actual === check.expected;
    console.log(
      `    ${ok ? "ok  " : "FAIL"} ${check.name}: ${check.actual}${ok ? "" : ` (expected ${check.expected})`}`,
    );
  }
}

export function printComparison(app: RunReport, baseline: RunReport, appCode?: RunReport): void {
  const appRps = throughput(app.load);
  const p99 = summarize(app.load.latencies).p99;
  const ratio = (a: RunReport, b: RunReport) =>
    `${(throughput(a.load) / throughput(b.load)).toFixed(2)} (${throughput(a.load).toFixed(0)} / ${throughput(b.load).toFixed(0)} req/s)`;
  console.log(`\n== summary`);
  console.log(`  app / baseline throughput ratio: ${ratio(app, baseline)}`);
  if (appCode) {
    console.log(`  app code without Next.js / baseline: ${ratio(appCode, baseline)}`);
    console.log(`  app / app code without Next.js: ${ratio(app, appCode)}`);
  }
  const met = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log(`  target ≥ ${TARGET_RPS} req/s: ${met(appRps >= TARGET_RPS)} (${appRps.toFixed(0)} req/s)`);
  console.log(`  target p99 ≤ ${TARGET_P99_MS} ms: ${met(p99 <= TARGET_P99_MS)} (${ms(p99)})`);
  console.log(`  (timing targets are information; correctness checks decide the exit code)`);
}
