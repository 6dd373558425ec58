// What both benchmarks share: options, their own PostgreSQL database (created, migrated, seeded,
// dropped), servers in processes of their own, the CPU meter, percentiles, and a clean-up that
// also runs on Ctrl-C. Nothing here imports the app: the benches reach it over HTTP and SQL.
import { spawn } from "node:child_process";
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { migrate } from "../db/migrate";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const log = (line: string) => console.log(`[bench] ${line}`);

const closers: (() => Promise<unknown>)[] = [];
/** Runs at the end of the run or on Ctrl-C, last registered first. */
export const atCleanUp = (close: () => Promise<unknown>) => void closers.push(close);

/**
 * Numeric options with their default, least value and bound (whole numbers unless the default is not),
 * boolean `flags`, and always --skip-build, --keep-db and --help. Bad input exits 2 with the usage.
 */
export function readOptions<N extends string, F extends string = never>(
  usage: string,
  numbers: Record<N, [fallback: number, min: number, below?: number]>,
  flags: F[] = [],
): Record<N, number> & Record<F | "skip-build" | "keep-db", boolean> {
  const booleans = [...flags, "skip-build", "keep-db", "help"];
  const options = Object.fromEntries([
    ...Object.keys(numbers).map((name) => [name, { type: "string" as const }]),
    ...booleans.map((name) => [name, { type: "boolean" as const, default: false }]),
  ]);
  const fail = (message: string): never => (console.error(`${message}\n${usage}`), process.exit(2));
  const values = (() => {
    try {
      return parseArgs({ options }).values as Record<string, string | boolean | number>;
    } catch (error) {
      return fail((error as Error).message);
    }
  })();
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  for (const [name, [fallback, min, below = Infinity]] of Object.entries(numbers) as [string, number[]][]) {
    const value = (values[name] = values[name] === undefined ? fallback! : Number(values[name])) as number;
    const whole = Number.isInteger(fallback);
    if (!(value >= min! && value < below) || (whole && !Number.isInteger(value)))
      fail(
        `--${name} must be a ${whole ? "whole " : ""}number ≥ ${min}${below < Infinity ? ` and < ${below}` : ""}`,
      );
  }
  return values as never;
}

export const ADMIN_URL_HELP =
  "BENCH_DATABASE_URL: admin URL of the PostgreSQL to use (default postgresql://postgres@127.0.0.1:5432/postgres)";

export type BenchDatabase = { name: string; url: string; version: string };

/** A fresh, migrated `bench_…` database, dropped at clean-up unless kept; undefined if unreachable. */
export async function createDatabase(keep: boolean): Promise<BenchDatabase | undefined> {
  const adminUrl = process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    console.error(
      `[bench] PostgreSQL is not reachable at ${adminUrl}: ${(error as Error).message}\n` +
        `[bench] Start PostgreSQL, or set BENCH_DATABASE_URL to an admin URL (one that may CREATE DATABASE).`,
    );
    return undefined;
  }
  const name = `bench_${Date.now()}_${process.pid}`;
  const { rows } = await admin.query<{ server_version: string }>("SHOW server_version");
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  atCleanUp(async () => {
    if (keep) return log(`kept database ${name}: ${url}`);
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => client.end());
    log(`dropped database ${name}`);
  });
  await migrate({ connectionString: url.toString() });
  log(`database ${name} created and migrated`);
  return { name, url: url.toString(), version: rows[0]!.server_version };
}

export interface OrderSet {
  orders: { id: string; sessionId: string | null; totalCents: number }[];
  productIds: string[];
  /** Stock of each product (of its one default variant) before its orders were placed. */
  initialStock: number;
}

const ORDER_ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // 26 of these: the app's order ids
const orderId = () => Array.from(randomBytes(26), (byte) => ORDER_ID_ALPHABET[byte & 31]).join("");

/**
 * `count` PENDING orders of one unit at 19.99, their units taken out of stock, as checkout leaves
 * them; spread over `products` products (1: every order names the same Product row, a flash sale).
 * `sessions`: give each a checkout session id (without one, the app never asks QBitFlow about it).
 */
export async function seedOrders(
  url: string,
  count: number,
  products = 1,
  sessions = true,
): Promise<OrderSet> {
  const productIds = Array.from({ length: Math.min(products, count) }, () => randomUUID());
  const orders = Array.from({ length: count }, () => ({
    id: orderId(),
    sessionId: sessions ? `pay@${randomUUID()}` : null,
    totalCents: 1999,
  }));
  const initialStock = count * 10;
  const held = productIds.map((_, p) => orders.filter((_, i) => i % productIds.length === p).length);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One statement: the foreign keys are checked at its end, when every row exists.
    await client.query(
      `WITH "p" AS (
         INSERT INTO "Product" ("id", "slug", "name", "description", "priceCents", "updatedAt")
         SELECT id, 'bench-' || id, 'Bench item', 'Benchmark product', 1999, now() FROM unnest($1::text[]) AS id
       ), "v" AS (
         -- Each product's default variant, under the product's own id (another table).
         INSERT INTO "ProductVariant" ("id", "productId", "optionValues", "optionKey", "stock", "updatedAt")
         SELECT id, id, ARRAY[]::text[], '', $2 - held, now() FROM unnest($1::text[], $3::int[]) AS t(id, held)
       ), "o" AS (
         INSERT INTO "Order" ("id", "status", "stockState", "totalCents", "qbitflowSessionId", "createdAt", "updatedAt")
         SELECT id, 'PENDING', 'RESERVED', 1999, session, now(), now() FROM unnest($4::text[], $5::text[]) AS t(id, session)
       ), "i" AS (
         INSERT INTO "OrderItem" ("id", "orderId", "productId", "variantId", "name", "unitPriceCents", "quantity")
         SELECT gen_random_uuid()::text, id, product, product, 'Bench item', 1999, 1 FROM unnest($4::text[], $6::text[]) AS t(id, product)
       )
       INSERT INTO "OrderStatusChange" ("id", "orderId", "toStatus", "source", "reason", "createdAt")
       SELECT gen_random_uuid()::text, id, 'PENDING', 'checkout', 'order placed, stock reserved', now()
         FROM unnest($4::text[]) AS id`,
      [
        productIds,
        initialStock,
        held,
        orders.map((o) => o.id),
        orders.map((o) => o.sessionId),
        orders.map((_, i) => productIds[i % productIds.length]),
      ],
    );
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
  return { orders, productIds, initialStock };
}

export type Delivery = { eventId: string; body: string };

/** A payment.completed as QBitFlow sends it (the fields of lib/test/webhooks.ts). */
export function paymentEvent(order: { id: string; sessionId: string | null }, version = "v2"): Delivery {
  const eventId = `evt_${randomUUID()}`;
  const [at, txHash] = [new Date().toISOString(), `0x${randomUUID().replaceAll("-", "")}`];
  const data = {
    uuid: order.sessionId ?? `pay@${randomUUID()}`,
    reference: order.id,
    amount: 19.99,
    paidUsd: 19.9942,
    chain: "BASE",
    currency: { id: 8, symbol: "USDC", name: "USD Coin", decimals: 6 },
    txHash,
    explorerUrl: `https://sepolia.basescan.org/tx/${txHash}`,
    createdAt: at,
    confirmedAt: at,
    test: true,
  };
  const envelope = { id: eventId, type: "payment.completed", version, createdAt: at, test: true, data };
  return { eventId, body: JSON.stringify(envelope) };
}

/** Headers of a delivery, signed now as QBitFlow signs (HMAC-SHA256 of `t.body`, node:crypto's own). */
export function webhookHeaders(body: string, secret: string): Record<string, string> {
  const t = Math.floor(Date.now() / 1000);
  const v1 = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
  return { "content-type": "application/json", "qbitflow-signature": `t=${t},v1=${v1}` };
}

/** The environment the app is built and started with: ours, not whatever the shell had. */
export function appEnv(databaseUrl: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (/^(QBITFLOW_|DATABASE_URL$|PORT$)/.test(name)) delete env[name];
  return {
    ...env,
    DATABASE_URL: databaseUrl,
    // A production server refuses to start without a key. The benches never call QBitFlow (no
    // checkout): a well-formed test key that goes nowhere, to a port nothing listens on.
    QBITFLOW_API_KEY: `sk_${"0".repeat(8)}-0000-4000-8000-${"0".repeat(12)}_test_bench`,
    QBITFLOW_API_URL: "http://127.0.0.1:9/v2",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    ...extra,
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().unref().on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** `next build` (output passed through) unless --skip-build and a build exists. */
export async function build(env: NodeJS.ProcessEnv, skip: boolean): Promise<void> {
  if (skip && existsSync(path.join(ROOT, ".next/BUILD_ID")))
    return log("--skip-build: using the existing .next build");
  log("next build (production)…");
  const started = Date.now();
  const child = spawn(path.join(ROOT, "node_modules/.bin/next"), ["build"], {
    cwd: ROOT,
    env: { ...env, NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const code = await new Promise((resolve) => child.on("exit", (c, signal) => resolve(c ?? signal)));
  if (code !== 0) throw new Error(`next build failed (${code})`);
  log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * `node <args>` in a process of its own (NODE_ENV=production), ready once `url` answers HTTP at
 * all. Its output is prefixed and passed through; `onLine` sees each line.
 */
export async function startServer(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  url: URL,
  onLine: (line: string) => void = () => {},
): Promise<{ name: string; url: URL; pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...env, NODE_ENV: "production" } });
  let tail = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      tail = (tail + text).slice(-4000);
      for (const line of text.split("\n")) if (line.trim()) onLine(line);
      if (stream === child.stderr) process.stderr.write(`[${name}] ${text}`);
    });
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  atCleanUp(stop);
  for (const deadline = Date.now() + 60_000; ;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${tail}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`no answer from ${url.href} within 60 s:\n${tail}`);
    }
    // A generous wait: a prerendered page's first visit renders it (a cold render on a loaded
    // machine took several seconds), and a request given up on would abort that render.
    if (await fetch(url, { signal: AbortSignal.timeout(30_000) }).catch(() => null))
      return { name, url, pid: child.pid!, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// CPU time from Linux /proc (elsewhere the figures are left out), in ticks of 10 ms (USER_HZ 100):
// utime + stime + cutime + cstime of each process (an exited one counts nothing).
const TICK_MS = 10;
const read = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return ""; // exited meanwhile
  }
};
const ticks = (pids: number[]) =>
  pids
    .flatMap((pid) => {
      const stat = read(`/proc/${pid}/stat`);
      return stat
        .slice(stat.lastIndexOf(")") + 2)
        .split(" ")
        .slice(11, 15); // after the name: state(0) …
    })
    .reduce((sum, n) => sum + Number(n), 0);
const machineTicks = () => {
  const values = read("/proc/stat").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((sum, n) => sum + n, 0);
  return { busy: total - values[3]! - values[4]!, total }; // all but idle and iowait
};

/** CPU milliseconds over the interval, and the busy share (0..1) of all the machine's CPUs. */
export type CpuUsage = Record<"serverMs" | "postgresMs" | "loadGeneratorMs" | "machineBusy", number>;

/**
 * Starts measuring the server process (next start serves in its own process, no workers), the
 * database's PostgreSQL backends and this process (the load generator); call after a warm-up,
 * when the server's pool connections exist.
 */
export async function startCpuMeter(serverPid: number, db: BenchDatabase) {
  if (!existsSync("/proc/stat")) return async () => undefined;
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const backends = async () =>
    (
      await client.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [db.name],
      )
    ).rows.map((row) => row.pid);
  const before = await backends();
  const start = { server: ticks([serverPid]), postgres: ticks(before), machine: machineTicks() };
  const self = process.cpuUsage();
  return async (): Promise<CpuUsage> => {
    const machine = machineTicks();
    const generator = process.cpuUsage(self);
    // Backends that connected during the run count from zero.
    const added = (await backends()).filter((pid) => !before.includes(pid));
    await client.end();
    return {
      serverMs: (ticks([serverPid]) - start.server) * TICK_MS,
      postgresMs: (ticks(before) + ticks(added) - start.postgres) * TICK_MS,
      loadGeneratorMs: (generator.user + generator.system) / 1000,
      machineBusy: (machine.busy - start.machine.busy) / Math.max(1, machine.total - start.machine.total),
    };
  };
}

/** Nearest-rank percentiles, in the unit of the values. */
export function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / (sorted.length || NaN);
  return { p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1) ?? NaN, mean };
}

export const ms = (value: number | undefined) =>
  value !== undefined && Number.isFinite(value) ? `${value.toFixed(1)} ms` : "n/a";
export const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

export function printMachine(details: string): void {
  const cpus = os.cpus();
  console.log(
    `machine: ${cpus.length} CPU (${cpus[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  );
  console.log(`node ${process.version}, ${details}`);
}

/** Runs `main`, cleans up, and exits with its code (2 for an unexpected failure, 130 on a signal). */
export async function runBench(main: () => Promise<number>): Promise<never> {
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const close of closers.reverse())
        await close().catch((error: unknown) => log(`clean-up: ${error}`));
    })());
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      void cleanUp().then(() => process.exit(130));
    });
  }
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
