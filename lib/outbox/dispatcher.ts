// Runs due jobs: claim a batch (queue.ts), run each handler outside any transaction with a time
// limit, then mark it done, or failed (retried later with backoff and jitter), or dead (after
// maxAttempts, or at once for a PermanentJobError such as a template that does not render).
// Every job runs at least once; handlers make "more than once" harmless with the job's key.
import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { retryDelayMs } from "./backoff";
import { claimDueJobs, completeJob, failJob, type ClaimedJob } from "./queue";

export type { ClaimedJob } from "./queue";

/** Runs one job; resolves with what it did (shown in the admin), throws to retry. */
export type JobHandler = (job: ClaimedJob, signal: AbortSignal) => Promise<string | void>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** A failure that another attempt cannot fix: the job is marked dead at once. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "PermanentJobError";
  }
}

export interface DispatcherOptions {
  handlers: JobHandlers;
  /** Only jobs of these orders (tests; the admin's "run now"). Default: every order. */
  orderIds?: readonly string[];
  /** Jobs claimed and run at once. Default 4. */
  batchSize?: number;
  /** How long a claimed job belongs to this dispatcher. Default 5 minutes. */
  leaseMs?: number;
  /** A handler that takes longer fails (and is retried). Default 60 s; must be below leaseMs. */
  timeoutMs?: number;
  /** Attempts before a job is dead. Default 8 (about 20 minutes of retries, then the admin). */
  maxAttempts?: number;
  retryDelay?: (attempts: number) => number;
  log?: (line: string) => void;
}

export interface RunReport {
  done: number;
  retrying: number;
  dead: number;
}

export interface RunDueOptions {
  /** Stop claiming new batches after this long (the sweep and after() have a time limit). */
  budgetMs?: number;
}

export interface Dispatcher {
  readonly id: string;
  runDue(options?: RunDueOptions): Promise<RunReport>;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { handlers, batchSize = 4, leaseMs = 5 * 60_000, timeoutMs = 60_000, maxAttempts = 8 } = options;
  const retryDelay = options.retryDelay ?? ((attempts: number) => retryDelayMs(attempts));
  const log = options.log ?? ((line: string) => console.error(`[outbox] ${line}`));
  if (timeoutMs >= leaseMs)
    throw new Error("outbox: timeoutMs must be below leaseMs, or a job could run twice");
  // A dispatcher takes only the kinds it can run: another version's jobs wait for their runner.
  const scope = { kinds: Object.keys(handlers), orderIds: options.orderIds };
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  async function runOne(job: ClaimedJob, report: RunReport): Promise<void> {
    try {
      const handler = handlers[job.kind];
      if (!handler) throw new PermanentJobError(`no handler for job kind "${job.kind}"`);
      const outcome = await withTimeout(job, handler, timeoutMs);
      await completeJob(job, id, outcome || null);
      report.done++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const dead = error instanceof PermanentJobError || job.attempts >= maxAttempts;
      const retryAt = dead ? null : new Date(Date.now() + retryDelay(job.attempts));
      await failJob(job, id, message, retryAt).catch((settle: Error) =>
        log(`could not record the failure of ${job.key}: ${settle.message}`),
      );
      log(`${job.key} failed (attempt ${job.attempts}${dead ? ", now dead" : ""}): ${message}`);
      if (dead) report.dead++;
      else report.retrying++;
    }
  }

  return {
    id,
    async runDue({ budgetMs = Number.POSITIVE_INFINITY } = {}) {
      const report: RunReport = { done: 0, retrying: 0, dead: 0 };
      const stopAt = Date.now() + budgetMs;
      while (Date.now() < stopAt) {
        const jobs = await claimDueJobs(id, scope, batchSize, leaseMs);
        if (jobs.length === 0) break;
        await Promise.all(jobs.map((job) => runOne(job, report)));
      }
      return report;
    },
  };
}

async function withTimeout(job: ClaimedJob, handler: JobHandler, timeoutMs: number): Promise<string | void> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([handler(job, controller.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
