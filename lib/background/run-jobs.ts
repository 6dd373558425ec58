// The outbox's dispatcher, in its two forms (lib/background/index.ts picks one; see
// docs/receipts-and-fulfilment.md):
// - on a Node host, inside the custom server (start() in index.ts): woken in-process by
//   the after-commit hook, by any instance's order change (the order bus: NOTIFY with
//   LIVE_BUS=postgres), and by its own timer for retries and for jobs left by a restart;
// - on Vercel, where nothing runs between requests: after the webhook's response (after()) and in
//   the reconciliation sweep, each for a bounded time.
import "server-only";
import { subscribeToOrderChanges, type ChangeSubscription } from "@/lib/orders/change-bus";
import { createDispatcher, type RunReport } from "@/lib/outbox/dispatcher";
import { startDispatcherLoop } from "@/lib/outbox/loop";
import { jobHandlers } from "@/lib/notifications";

const RUNNER = Symbol.for("qbitflow-starter.job-runner");
const registry = globalThis as typeof globalThis & { [RUNNER]?: boolean };

export interface JobRunner {
  stop(): Promise<void>;
}

/** The long-running dispatcher of a Node host. */
export async function startJobRunner(): Promise<JobRunner> {
  const loop = startDispatcherLoop(createDispatcher({ handlers: jobHandlers }));
  registry[RUNNER] = true;
  let changes: ChangeSubscription | undefined;
  try {
    changes = await subscribeToOrderChanges(() => loop.wake());
  } catch (error) {
    // Without the bus it still runs on its own wake-ups and timer: slower, never lost.
    console.error(
      "[outbox] could not listen for order changes:",
      error instanceof Error ? error.message : error,
    );
  }
  return {
    async stop() {
      registry[RUNNER] = false;
      await changes?.close();
      await loop.stop();
    },
  };
}

const IN_FLIGHT = Symbol.for("qbitflow-starter.due-jobs-run");
const inFlight = globalThis as typeof globalThis & {
  [IN_FLIGHT]?: { run: Promise<RunReport | null>; again: boolean };
};

/**
 * Runs due jobs for at most `budgetMs` (the sweep, after()); a no-op where a runner lives. One run
 * per instance at a time: a burst of webhooks (each calling it from after()) joins the run in
 * flight, which takes one more look for jobs before it ends, instead of each racing for its own
 * claim (bench:webhooks under next start: 2.5 times the CPU per delivery without this).
 */
export async function runDueJobs(budgetMs = 10_000): Promise<RunReport | null> {
  if (registry[RUNNER]) return null;
  const current = inFlight[IN_FLIGHT];
  if (current) {
    current.again = true;
    return current.run;
  }
  const state = { again: false, run: Promise.resolve<RunReport | null>(null) };
  // Registered before the run starts, so that a run which ends at once also unregisters itself.
  inFlight[IN_FLIGHT] = state;
  state.run = (async () => {
    const stopAt = Date.now() + budgetMs;
    let report: RunReport | null = null;
    try {
      const dispatcher = createDispatcher({ handlers: jobHandlers });
      do {
        state.again = false;
        report = await dispatcher.runDue({ budgetMs: Math.max(0, stopAt - Date.now()) });
      } while (state.again && Date.now() < stopAt);
    } catch (error) {
      console.error("[outbox] could not run due jobs:", error instanceof Error ? error.message : error);
    } finally {
      inFlight[IN_FLIGHT] = undefined;
    }
    return report;
  })();
  return state.run;
}
