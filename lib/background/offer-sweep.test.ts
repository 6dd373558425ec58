// offerSweep() (behind kick("visit")) schedules the sweep after the response, but asks the
// database at most every 30 s per instance, never when SWEEP_INTERVAL_MINUTES is 0, and runs the
// outbox's catch-up only after a sweep that ran.
import { afterEach, describe, expect, it, vi } from "vitest";

const scheduled = vi.hoisted(() => [] as (() => Promise<void>)[]);
vi.mock("@/lib/after-response", () => ({
  afterResponse: (task: () => Promise<void>) => scheduled.push(task),
}));
const claims = vi.hoisted(() => ({ count: 0, win: true }));
vi.mock("./job-run", () => ({
  claimJobRun: async () => (claims.count++, claims.win),
  recordJobRun: async () => {},
}));
const sweeps = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/orders/reconcile", () => ({
  reconcileOpenOrders: async () => (sweeps.count++, { checked: 0, changed: [], failed: [] }),
}));

afterEach(() => {
  vi.useRealTimers();
  vi.resetModules();
  vi.unstubAllEnvs();
  scheduled.length = 0;
  claims.count = 0;
  sweeps.count = 0;
  catchUps.count = 0;
});
const catchUps = { count: 0 };
const catchUp = async () => void catchUps.count++;

async function load(minutes: string) {
  vi.stubEnv("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/unused");
  vi.stubEnv("SWEEP_INTERVAL_MINUTES", minutes);
  return import("./opportunistic-sweep");
}

describe("offerSweep", () => {
  it("schedules one check per 30 s per instance, and sweeps when the claim is won", async () => {
    vi.useFakeTimers({ now: new Date("2026-11-29T10:00:00Z") });
    const { offerSweep } = await load("5");
    offerSweep(catchUp);
    offerSweep(catchUp);
    offerSweep(catchUp);
    expect(scheduled).toHaveLength(1);
    await scheduled[0]!();
    expect([claims.count, sweeps.count, catchUps.count]).toEqual([1, 1, 1]);

    vi.setSystemTime(new Date("2026-11-29T10:00:31Z"));
    claims.win = false; // another instance ran it meanwhile
    offerSweep(catchUp);
    expect(scheduled).toHaveLength(2);
    await scheduled[1]!();
    expect([claims.count, sweeps.count, catchUps.count]).toEqual([2, 1, 1]);
    claims.win = true;
  });

  it("never schedules anything when SWEEP_INTERVAL_MINUTES is 0", async () => {
    const { offerSweep } = await load("0");
    offerSweep(catchUp);
    expect(scheduled).toHaveLength(0);
  });
});
