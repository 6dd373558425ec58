// The dispatcher on a long-running Node host: drains due jobs whenever it is woken (a commit in
// this process, a NOTIFY from another instance), and otherwise when the next job falls due (a
// retry's time, an abandoned lease) or at the latest every `catchUpMs`, which also picks up jobs
// committed while no dispatcher ran (a restart, a crash between commit and send). The in-process
// wake (wake.ts, raised by the after-commit hook) is subscribed here.
import "server-only";
import type { Dispatcher } from "./dispatcher";
import { nextDueAt } from "./queue";
import { onWake } from "./wake";

export interface DispatcherLoopOptions {
  /** The longest sleep between two looks at the table. Default 60 s. */
  catchUpMs?: number;
  log?: (line: string) => void;
}

export interface DispatcherLoop {
  /** Drain soon (coalesced: a burst of wakes is one drain, plus one more if it came mid-drain). */
  wake(): void;
  /** Stops waking, and waits for the jobs in flight. */
  stop(): Promise<void>;
  /** Resolves when the loop is idle (for tests). */
  idle(): Promise<void>;
}

export function startDispatcherLoop(
  dispatcher: Dispatcher,
  options: DispatcherLoopOptions = {},
): DispatcherLoop {
  const { catchUpMs = 60_000 } = options;
  const log = options.log ?? ((line: string) => console.error(`[outbox] ${line}`));
  let stopped = false;
  let again = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;

  const sleepUntilDue = async () => {
    const due = await nextDueAt().catch(() => null);
    if (stopped) return;
    const wait = due ? Math.max(0, due.getTime() - Date.now()) + 50 : catchUpMs;
    clearTimeout(timer);
    timer = setTimeout(wake, Math.min(wait, catchUpMs));
    timer.unref();
  };

  const drain = async () => {
    do {
      again = false;
      try {
        await dispatcher.runDue();
      } catch (error) {
        // The database is away (restart, network): the next timer tries again.
        log(`could not run due jobs: ${error instanceof Error ? error.message : String(error)}`);
      }
      // A wake during this look at the table may be for a job it did not see yet: drain again.
      if (!again) await sleepUntilDue();
    } while (again && !stopped);
  };

  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain().finally(() => (running = null));
  }

  const unsubscribe = onWake(wake);
  wake();
  return {
    wake,
    async stop() {
      stopped = true;
      unsubscribe();
      clearTimeout(timer);
      await running;
    },
    async idle() {
      while (running) await running;
    },
  };
}
