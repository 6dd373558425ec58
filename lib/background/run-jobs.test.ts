// runDueJobs from after(): a burst of calls shares one run per instance, which looks once more
// for jobs committed while it ran, so nothing waits for the next sweep.
import { describe, expect, it, vi } from "vitest";

const runs = vi.hoisted(() => ({ started: 0, release: [] as (() => void)[] }));
vi.mock("@/lib/outbox/dispatcher", () => ({
  createDispatcher: () => ({
    runDue: () => {
      runs.started++;
      return new Promise((resolve) => runs.release.push(() => resolve({ done: 1, retrying: 0, dead: 0 })));
    },
  }),
}));
vi.mock("@/lib/orders/change-bus", () => ({ subscribeToOrderChanges: vi.fn() }));
vi.mock("@/lib/notifications", () => ({ jobHandlers: {} }));

const { runDueJobs } = await import("./run-jobs");
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("runDueJobs", () => {
  it("joins a burst of calls into the run in flight, which looks once more before it ends", async () => {
    const calls = Array.from({ length: 50 }, () => runDueJobs());
    await settle();
    expect(runs.started).toBe(1);

    runs.release.shift()!(); // the first pass ends; calls came in meanwhile: one more pass
    await settle();
    expect(runs.started).toBe(2);
    runs.release.shift()!();
    const reports = await Promise.all(calls);
    expect(new Set(reports).size).toBe(1);
    expect(reports[0]).toEqual({ done: 1, retrying: 0, dead: 0 });

    const later = runDueJobs(); // the run is over: a new call starts a new one
    await settle();
    expect(runs.started).toBe(3);
    runs.release.shift()!();
    await later;
  });
});
