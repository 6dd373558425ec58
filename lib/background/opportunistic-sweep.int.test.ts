// The opportunistic sweep starts at most once per interval, however many requests (on however
// many connections, as from many instances) offer to run it at the same moment.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ReconcileReport } from "@/lib/orders/reconcile";
import { claimJobRun, lastJobRun, recordJobRun } from "./job-run";
import { runSweepIfDue } from "./opportunistic-sweep";

afterAll(() => db.$disconnect());

const jobName = () => `test-${randomUUID()}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const emptyReport: ReconcileReport = { checked: 0, changed: [], failed: [], refunds: [] };

describe("claimJobRun", () => {
  it("lets exactly one of 25 concurrent claims win, then none until the interval has passed", async () => {
    const job = jobName();
    const first = await Promise.all(Array.from({ length: 25 }, () => claimJobRun(job, 60_000)));
    expect(first.filter(Boolean)).toHaveLength(1);
    const again = await Promise.all(Array.from({ length: 25 }, () => claimJobRun(job, 60_000)));
    expect(again.filter(Boolean)).toHaveLength(0);
  });

  it("lets one claim win again once the interval is over", async () => {
    const job = jobName();
    expect(await claimJobRun(job, 300)).toBe(true);
    expect(await claimJobRun(job, 300)).toBe(false);
    await sleep(350);
    const wave = await Promise.all(Array.from({ length: 10 }, () => claimJobRun(job, 300)));
    expect(wave.filter(Boolean)).toHaveLength(1);
  });

  it("counts a run recorded by the cron as the interval's run", async () => {
    const job = jobName();
    expect(await lastJobRun(job)).toBeNull();
    await recordJobRun(job);
    expect(await claimJobRun(job, 60_000)).toBe(false);
    const last = await lastJobRun(job);
    expect(Math.abs(last!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("refuses a nonsensical interval", async () => {
    await expect(claimJobRun(jobName(), -1)).rejects.toThrow(/intervalMs/);
    await expect(claimJobRun(jobName(), 1.5)).rejects.toThrow(/intervalMs/);
  });
});

describe("runSweepIfDue", () => {
  it("runs the sweep once for 30 concurrent requests in one interval", async () => {
    const job = jobName();
    let runs = 0;
    const reconcile = async () => {
      runs += 1;
      await sleep(50); // a sweep that takes a while must not let a second one start meanwhile
      return emptyReport;
    };
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () => runSweepIfDue({ intervalMs: 60_000, reconcile, job })),
    );
    expect(runs).toBe(1);
    expect(outcomes.filter((outcome) => outcome.ran)).toHaveLength(1);
  });

  it("runs it once per interval over several intervals", async () => {
    const job = jobName();
    let runs = 0;
    const reconcile = async () => {
      runs += 1;
      return emptyReport;
    };
    const started = Date.now();
    // Waves of concurrent requests for about three intervals of 400 ms.
    while (Date.now() - started < 1_100) {
      await Promise.all(Array.from({ length: 8 }, () => runSweepIfDue({ intervalMs: 400, reconcile, job })));
      await sleep(40);
    }
    // Intervals started at 0, ≥400, ≥800 ms: three runs, never more.
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(3);
  });
});
