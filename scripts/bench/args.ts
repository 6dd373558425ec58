// Command-line options of `npm run bench:webhooks`.
import { parseArgs } from "node:util";

export interface BenchOptions {
  /** Unique events per measured run (app and baseline each get their own orders). */
  events: number;
  concurrency: number;
  /** Share of the requests that are redeliveries of an event already built. */
  duplicateShare: number;
  warmup: number;
  /** Products the orders are spread over; 1 = every payment updates the same Product row. */
  products: number;
  /** Requests of the no-database floor measurement (0: not measured). */
  floor: number;
  /** Also measure the app's lib/ code behind bare node:http (Next.js's share vs the app's own). */
  withoutNext: boolean;
  skipBuild: boolean;
  adminUrl: string;
  /** Keep the database afterwards, for inspection. */
  keepDb: boolean;
}

const USAGE = `usage: npm run bench:webhooks -- [--events N] [--concurrency C] [--duplicates 0.2]
                                  [--warmup 50] [--products 1] [--floor 0]
                                  [--without-next] [--skip-build] [--keep-db]
  --products N  spread the orders over N products (default 1: one hot Product row)
  --floor N     also measure N signed requests refused before the database (400), per server
  --without-next  also measure the app's own webhook code behind bare node:http
  BENCH_DATABASE_URL: admin URL of the PostgreSQL to use (default postgresql://postgres@127.0.0.1:5432/postgres)`;

function positiveInt(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) {
    console.error(`--${name} must be a whole number ≥ ${min}, got ${value}\n${USAGE}`);
    process.exit(2);
  }
  return parsed;
}

export function readOptions(argv = process.argv.slice(2)): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        events: { type: "string" },
        concurrency: { type: "string" },
        duplicates: { type: "string" },
        warmup: { type: "string" },
        products: { type: "string" },
        floor: { type: "string" },
        "skip-build": { type: "boolean", default: false },
        "without-next": { type: "boolean", default: false },
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
  const duplicateShare = values.duplicates === undefined ? 0.2 : Number(values.duplicates);
  if (!(duplicateShare >= 0 && duplicateShare < 1)) {
    console.error(`--duplicates must be a share in [0, 1), got ${values.duplicates}\n${USAGE}`);
    process.exit(2);
  }
  return {
    events: positiveInt("events", values.events, 3000),
    concurrency: positiveInt("concurrency", values.concurrency, 50),
    duplicateShare,
    warmup: positiveInt("warmup", values.warmup, 50, 0),
    products: positiveInt("products", values.products, 1),
    floor: positiveInt("floor", values.floor, 0, 0),
    withoutNext: values["without-next"],
    skipBuild: values["skip-build"],
    keepDb: values["keep-db"],
    adminUrl: process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres",
  };
}
