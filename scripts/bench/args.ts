// Command-line options of `npm run bench:webhooks`.
import { ADMIN_URL_HELP, adminUrl, parseOptions, usageError, wholeNumber } from "./cli";

export interface BenchOptions {
  /** Unique events per measured run (app and baseline each get their own orders). */
  events: number;
  concurrency: number;
  /** Share of the requests that are redeliveries of an event already built. */
  duplicateShare: number;
  warmup: number;
  /** Products the orders are spread over; 1 = every order is for the same product (a flash sale). */
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
  --products N  spread the orders over N products (default 1: every order for the same product)
  --floor N     also measure N signed requests refused before the database (400), per server
  --without-next  also measure the app's own webhook code behind bare node:http
  ${ADMIN_URL_HELP}`;

export function readOptions(argv = process.argv.slice(2)): BenchOptions {
  const values = parseOptions(
    USAGE,
    {
      events: { type: "string" },
      concurrency: { type: "string" },
      duplicates: { type: "string" },
      warmup: { type: "string" },
      products: { type: "string" },
      floor: { type: "string" },
      "without-next": { type: "boolean", default: false },
    },
    argv,
  );
  const duplicateShare = values.duplicates === undefined ? 0.2 : Number(values.duplicates);
  if (!(duplicateShare >= 0 && duplicateShare < 1)) {
    usageError(`--duplicates must be a share in [0, 1), got ${values.duplicates}`, USAGE);
  }
  const count = (name: string, fallback: number, min = 1) =>
    wholeNumber(USAGE, name, values[name as keyof typeof values], fallback, min);
  return {
    events: count("events", 3000),
    concurrency: count("concurrency", 50),
    duplicateShare,
    warmup: count("warmup", 50, 0),
    products: count("products", 1),
    floor: count("floor", 0, 0),
    withoutNext: values["without-next"],
    skipBuild: values["skip-build"],
    keepDb: values["keep-db"],
    adminUrl: adminUrl(),
  };
}
