// Command-line options of `npm run bench:live`.
import { ADMIN_URL_HELP, adminUrl, parseOptions, wholeNumber } from "./cli";

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
  ${ADMIN_URL_HELP}`;

export function readLiveOptions(argv = process.argv.slice(2)): LiveBenchOptions {
  const values = parseOptions(
    USAGE,
    {
      trials: { type: "string" },
      warmup: { type: "string" },
      subscribers: { type: "string" },
      rounds: { type: "string" },
    },
    argv,
  );
  return {
    trials: wholeNumber(USAGE, "trials", values.trials, 100, 1),
    warmup: wholeNumber(USAGE, "warmup", values.warmup, 5, 0),
    subscribers: wholeNumber(USAGE, "subscribers", values.subscribers, 1000, 1),
    rounds: wholeNumber(USAGE, "rounds", values.rounds, 3, 0),
    skipBuild: values["skip-build"],
    keepDb: values["keep-db"],
    adminUrl: adminUrl(),
  };
}
