// Command-line options of `npm run bench:live`.
import { parseArgs } from "node:util";

export interface LiveBenchOptions {
  /** Measured commit → DOM trials, one order each. */
  trials: number;
  /** Unmeasured trials first (JIT, first render of the route, pool connections). */
  warmup: number;
  /** WebSocket clients subscribed to one order in the fan-out test. */
  subscribers: number;
  /** Fan-out rounds, each on a fresh order with fresh clients. */
  rounds: number;
  skipBuild: boolean;
  keepDb: boolean;
  adminUrl: string;
}

const USAGE = `usage: npm run bench:live -- [--trials 100] [--warmup 5] [--subscribers 1000] [--rounds 3]
                              [--skip-build] [--keep-db]
  --trials N       commit → DOM measurements in Chromium, one order each
  --subscribers N  WebSocket clients on one order for the fan-out and memory test
  --rounds N       fan-out rounds (each with fresh clients on a fresh order)
  BENCH_DATABASE_URL: admin URL of the PostgreSQL to use (default postgresql://postgres@127.0.0.1:5432/postgres)`;

function wholeNumber(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) {
    console.error(`--${name} must be a whole number ≥ ${min}, got ${value}\n${USAGE}`);
    process.exit(2);
  }
  return parsed;
}

export function readLiveOptions(argv = process.argv.slice(2)): LiveBenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        trials: { type: "string" },
        warmup: { type: "string" },
        subscribers: { type: "string" },
        rounds: { type: "string" },
        "skip-build": { type: "boolean", default: false },
        "keep-db": { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    trials: wholeNumber("trials", values.trials, 100, 1),
    warmup: wholeNumber("warmup", values.warmup, 5, 0),
    subscribers: wholeNumber("subscribers", values.subscribers, 1000, 1),
    rounds: wholeNumber("rounds", values.rounds, 3, 0),
    skipBuild: values["skip-build"],
    keepDb: values["keep-db"],
    adminUrl: process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres",
  };
}
