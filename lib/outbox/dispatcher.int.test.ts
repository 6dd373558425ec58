// The dispatcher against a real database (PGlite by default, PostgreSQL with DATABASE_URL):
// two dispatchers never run one job at once, failures retry and then die, a job committed while
// no dispatcher ran (a restart, a crash after the commit) still runs, exactly once.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createDispatcher, PermanentJobError, type JobHandler } from "./dispatcher";
import { startDispatcherLoop } from "./loop";
import { claimDueJobs } from "./queue";
import { wakeDispatchers } from "./wake";

const kinds: string[] = [];
afterAll(async () => {
  await db.outboxJob.deleteMany({ where: { kind: { in: kinds } } });
  await db.$disconnect();
});

/** A job kind of this test's own, so dispatchers of other test files never take its jobs. */
async function jobsOfNewKind(count: number) {
  const kind = `test-${randomUUID()}`;
  kinds.push(kind);
  await db.outboxJob.createMany({
    data: Array.from({ length: count }, (_, i) => ({ key: `${kind}:${i}`, kind })),
  });
  return kind;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const stateOf = (kind: string) =>
  db.outboxJob.findMany({ where: { kind }, select: { state: true, attempts: true, lastError: true } });

describe("two dispatchers at once", () => {
  it("run every job exactly once, never one job in both", async () => {
    const kind = await jobsOfNewKind(30);
    const running = new Set<string>();
    const runs: string[] = [];
    const overlaps: string[] = [];
    const handler: JobHandler = async (job) => {
      if (running.has(job.key)) overlaps.push(job.key);
      running.add(job.key);
      runs.push(job.key);
      await sleep(15);
      running.delete(job.key);
    };
    const a = createDispatcher({ handlers: { [kind]: handler }, batchSize: 3 });
    const b = createDispatcher({ handlers: { [kind]: handler }, batchSize: 3 });

    const reports = await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);

    expect(overlaps).toEqual([]);
    expect(runs).toHaveLength(30);
    expect(new Set(runs).size).toBe(30);
    expect(reports.reduce((sum, report) => sum + report.done, 0)).toBe(30);
    expect((await stateOf(kind)).every((job) => job.state === "DONE" && job.attempts === 1)).toBe(true);
  });
});

describe("a failing job", () => {
  it("is retried later with its error recorded, then dead after its last attempt", async () => {
    const kind = await jobsOfNewKind(1);
    const failing = createDispatcher({
      handlers: { [kind]: async () => Promise.reject(new Error("SMTP 421: try again later")) },
      maxAttempts: 2,
      retryDelay: () => 0,
      log: () => {},
    });

    expect(await failing.runDue()).toEqual({ done: 0, retrying: 1, dead: 1 });
    expect(await stateOf(kind)).toEqual([
      { state: "DEAD", attempts: 2, lastError: "SMTP 421: try again later" },
    ]);
  });

  it("waits for its backoff before it runs again", async () => {
    const kind = await jobsOfNewKind(1);
    const failing = createDispatcher({
      handlers: { [kind]: async () => Promise.reject(new Error("down")) },
      retryDelay: () => 60_000,
      log: () => {},
    });
    expect(await failing.runDue()).toEqual({ done: 0, retrying: 1, dead: 0 });
    expect(await stateOf(kind)).toEqual([{ state: "PENDING", attempts: 1, lastError: "down" }]);
  });

  it("is dead at once when another attempt cannot help (a template that does not render)", async () => {
    const kind = await jobsOfNewKind(1);
    const broken = createDispatcher({
      handlers: { [kind]: async () => Promise.reject(new PermanentJobError("template: total is undefined")) },
      log: () => {},
    });
    await broken.runDue();
    expect(await stateOf(kind)).toEqual([
      { state: "DEAD", attempts: 1, lastError: "template: total is undefined" },
    ]);
  });
});

describe("a job committed while no dispatcher runs", () => {
  it("runs once a dispatcher starts (a restart)", async () => {
    const kind = await jobsOfNewKind(2);
    const ran: string[] = [];
    const loop = startDispatcherLoop(
      createDispatcher({ handlers: { [kind]: async (job) => void ran.push(job.key) } }),
    );
    await loop.idle();
    await loop.stop();
    expect(ran.sort()).toEqual([`${kind}:0`, `${kind}:1`]);
  });

  it("runs again after its dispatcher died mid-job, once the lease has ended", async () => {
    const kind = await jobsOfNewKind(1);
    // A dispatcher claims the job and dies (kill -9) before it could settle it.
    expect(await claimDueJobs("dead-host:1", { kinds: [kind] }, 1, 300)).toHaveLength(1);
    const ran: string[] = [];
    const successor = createDispatcher({ handlers: { [kind]: async (job) => void ran.push(job.key) } });

    expect((await successor.runDue()).done).toBe(0); // the lease still holds
    await sleep(400);
    expect((await successor.runDue()).done).toBe(1);
    expect(ran).toEqual([`${kind}:0`]);
  });

  it("is picked up when this process commits jobs and wakes the loop", async () => {
    const kind = `test-${randomUUID()}`;
    kinds.push(kind);
    const ran: string[] = [];
    const loop = startDispatcherLoop(
      createDispatcher({ handlers: { [kind]: async (job) => void ran.push(job.key) } }),
      { catchUpMs: 60_000 },
    );
    await loop.idle();
    await db.outboxJob.create({ data: { key: `${kind}:late`, kind } });
    wakeDispatchers();
    await sleep(50);
    await loop.idle();
    await loop.stop();
    expect(ran).toEqual([`${kind}:late`]);
  });
});
