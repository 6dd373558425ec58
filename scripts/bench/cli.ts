// What the benchmark commands share: option parsing with --help and exit code 2 for bad
// input, the database they run on, and a clean-up that also runs on Ctrl-C.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { createBenchDatabase, DatabaseUnreachable, type BenchDatabase } from "./database";

type OptionSpecs = NonNullable<ParseArgsConfig["options"]>;

/** Exits with the message and the usage text: bad input is a usage error (2), never a trace. */
export function usageError(message: string, usage: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

const COMMON = {
  "skip-build": { type: "boolean", default: false },
  "keep-db": { type: "boolean", default: false },
  help: { type: "boolean", default: false },
} as const;

type Values<T extends OptionSpecs> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T & typeof COMMON }>
>["values"];

/** `--skip-build`, `--keep-db` and `--help` are added to `options`; `--help` prints the usage. */
export function parseOptions<const T extends OptionSpecs>(
  usage: string,
  options: T,
  argv = process.argv.slice(2),
): Values<T> {
  let values: Values<T>;
  try {
    values = parseArgs({ args: argv, options: { ...options, ...COMMON } }).values as Values<T>;
  } catch (error) {
    usageError((error as Error).message, usage);
  }
  if ((values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  return values;
}

/** A whole-number option ≥ `min`, or `fallback` when absent. */
export function wholeNumber(
  usage: string,
  name: string,
  value: unknown,
  fallback: number,
  min: number,
): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min)
    usageError(`--${name} must be a whole number ≥ ${min}, got ${value}`, usage);
  return parsed;
}

export const ADMIN_URL_HELP =
  "BENCH_DATABASE_URL: admin URL of the PostgreSQL to use (default postgresql://postgres@127.0.0.1:5432/postgres)";

export function adminUrl(): string {
  return process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
}

/**
 * Runs `stop` (the command's own servers and browsers), then drops the database unless it is to
 * be kept; once, whether the run ends or is interrupted (SIGINT/SIGTERM exit 130).
 */
export function cleanUpOnce(options: {
  stop: () => Promise<void>;
  database: () => BenchDatabase | undefined;
  keepDb: boolean;
  log: (line: string) => void;
}): () => Promise<void> {
  const { stop, database, keepDb, log } = options;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await stop();
      const db = database();
      if (db && !keepDb) {
        await db.drop().catch((error: unknown) => log(`could not drop ${db.name}: ${error}`));
        log(`dropped database ${db.name}`);
      } else if (db) log(`kept database ${db.name}: ${db.url}`);
    })());
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      void cleanUp().then(() => process.exit(130));
    });
  }
  return cleanUp;
}

/** A fresh, migrated database for the run; undefined, after saying why, when PostgreSQL is down. */
export async function openBenchDatabase(url: string): Promise<BenchDatabase | undefined> {
  try {
    return await createBenchDatabase(url);
  } catch (error) {
    if (!(error instanceof DatabaseUnreachable)) throw error;
    console.error(
      `[bench] PostgreSQL is not reachable: ${error.message}\n` +
        `[bench] Start PostgreSQL, or set BENCH_DATABASE_URL to an admin URL (one that may CREATE DATABASE).`,
    );
    return undefined;
  }
}

/** Runs the command and exits with its code (2 for an unexpected failure), cleaning up first. */
export async function runCommand(main: () => Promise<number>, cleanUp: () => Promise<void>): Promise<never> {
  let code: number;
  try {
    code = await main();
  } catch (error) {
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    code = 2;
  }
  await cleanUp();
  process.exit(code);
}
