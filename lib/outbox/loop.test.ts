// The loop never loses a wake: one that arrives while it is working out when to look next (a job
// committed just then) makes it drain again rather than sleep until the catch-up.
import { describe, expect, it, vi } from "vitest";
import type { Dispatcher } from "./dispatcher";

const nextDue = vi.hoisted(() => ({ calls: 0, release: [] as ((due: Date | null) => void)[] }));
vi.mock("./queue", () => ({
  nextDueAt: () => {
    nextDue.calls++;
    return new Promise<Date | null>((resolve) => nextDue.release.push(resolve));
  },
}));
const { startDispatcherLoop } = await import("./loop");

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("the dispatcher loop", () => {
  it("drains again when woken while it looks for the next due time", async () => {
    let runs = 0;
    const dispatcher: Dispatcher = {
      id: "d",
      runDue: async () => (runs++, { done: 0, retrying: 0, dead: 0 }),
    };
    const loop = startDispatcherLoop(dispatcher, { catchUpMs: 60_000 });
    await settle();
    expect([runs, nextDue.calls]).toEqual([1, 1]);

    loop.wake(); // a job committed while the loop asks the table when to look next
    nextDue.release.shift()!(null);
    await settle();
    expect(runs).toBe(2);

    nextDue.release.shift()!(null);
    await loop.idle();
    await loop.stop();
    expect(runs).toBe(2);
  });

  it("coalesces a burst of wakes during a drain into one more drain", async () => {
    let runs = 0;
    let finish: () => void = () => {};
    const dispatcher: Dispatcher = {
      id: "d",
      runDue: () =>
        new Promise((resolve) => (runs++, (finish = () => resolve({ done: 0, retrying: 0, dead: 0 })))),
    };
    nextDue.release = [];
    const loop = startDispatcherLoop(dispatcher, { catchUpMs: 60_000 });
    for (let i = 0; i < 5; i++) loop.wake();
    finish();
    await settle();
    finish();
    await settle();
    while (nextDue.release.length) nextDue.release.shift()!(null);
    await loop.stop();
    expect(runs).toBe(2);
  });
});
