// Where the outbox's dispatcher runs (docs/receipts-and-fulfilment.md):
// - on a Node host, inside the custom server (server.ts calls startJobRunner): woken in-process by
//   the after-commit hook, by any instance's order change (the order bus: NOTIFY with
//   LIVE_BUS=postgres), and by its own timer for retries and for jobs left by a restart;
// - on Vercel, where nothing runs between requests: after the webhook's response (after()) and in
//   the reconciliation sweep, each for a bounded time.
import "server-only";
import { subscribeToOrderChanges, type ChangeSubscription } from "@/lib/orders/change-bus";
import { createDispatcher, type RunReport } from "@/lib/outbox/dispatcher";
import { startDispatcherLoop } from "@/lib/outbox/loop";
import { jobHandlers } from "./handlers";

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

/** Runs due jobs for at most `budgetMs` (the sweep, after()); a no-op where a runner lives. */
export async function runDueJobs(budgetMs = 10_000): Promise<RunReport | null> {
  if (registry[RUNNER]) return null;
  try {
    return await createDispatcher({ handlers: jobHandlers }).runDue({ budgetMs });
  } catch (error) {
    console.error("[outbox] could not run due jobs:", error instanceof Error ? error.message : error);
    return null;
  }
}
