// The Node-host smoke test (CI): production the documented way, from a clean clone.
//
//   git clone <this checkout> → npm ci → npm run build (no variables at all) → npm prune --omit=dev
//   → npm run db:deploy → npm start
//
// then: `/` renders; a WebSocket on /api/live gets the order's snapshot; QBitFlow's (the sandbox's)
// signed payment.completed webhook is accepted (200) and the order turns PAID on the socket; an
// unsigned one is refused; the server refuses to start without QBITFLOW_API_KEY; SIGTERM closes
// the socket with 1001 and the process exits 0 within its shutdown bound.
// Database: DATABASE_URL if set (then LIVE_BUS=postgres), else a throwaway embedded PGlite.
// SMOKE_KEEP=<dir>: keep the built clone there, and reuse it on the next run (quicker iterations).
import { spawn, type SpawnOptions } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../db/embedded-postgres";
import { newOrderId } from "../../lib/order-id";
import { startLocalQBitFlow } from "../stack/qbitflow";
import { check, deliveriesOf, subscribe, waitForHttp } from "./smoke-checks";

const root = path.resolve(import.meta.dirname, "../..");
const started = Date.now();
const keep = process.env.SMOKE_KEEP;
const work = keep ? path.resolve(keep) : mkdtempSync(path.join(os.tmpdir(), "qbitflow-node-host-"));
const appDir = path.join(work, "app");
const reuse = Boolean(keep) && existsSync(path.join(appDir, "dist", "server.mjs"));
// Only what any machine has: the build must not depend on the app's configuration.
type Env = NodeJS.ProcessEnv;
const bareEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
} as unknown as Env;

// Asynchronous on purpose: the embedded database and the sandbox are served by this process, and
// a synchronous child would stop them from answering (a deadlock once the app connects).
async function sh(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  console.log(`[smoke] $ ${command} ${args.join(" ")}`);
  const child = spawn(command, args, { cwd: appDir, stdio: "inherit", env: bareEnv, ...options });
  const [status] = (await once(child, "exit")) as [number | null];
  if (status !== 0) throw new Error(`smoke: \`${command} ${args.join(" ")}\` exited ${status}`);
}

/** Runs a command to its end and returns its exit status and output. */
async function capture(
  command: string,
  args: string[],
  env: Env,
): Promise<{ status: number | null; output: string }> {
  const child = spawn(command, args, { cwd: appDir, env });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const [status] = (await once(child, "exit")) as [number | null];
  return { status, output };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres();
const databaseUrl = process.env.DATABASE_URL ?? embedded!.url;
const port = await freePort();
const appUrl = `http://127.0.0.1:${port}`;
const qbitflow = await startLocalQBitFlow({ appUrl, port: 0, stateFile: null, log: () => {} });
const api = qbitflow.env.QBITFLOW_API_URL!;
const key = qbitflow.env.QBITFLOW_API_KEY!;
let server: ReturnType<typeof spawn> | undefined;

try {
  if (!reuse) {
    mkdirSync(work, { recursive: true });
    await sh("git", ["clone", "--quiet", "--no-hardlinks", root, appDir], { cwd: work });
    await sh("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"]);
    await sh("npm", ["run", "build"]);
    await sh("npm", ["prune", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error"]);
    for (const dev of ["tsx", "esbuild", "vitest", "eslint"]) {
      check(!existsSync(path.join(appDir, "node_modules", dev)), `no ${dev} after npm prune --omit=dev`);
    }
    // npm keeps these two as optional peers of @prisma/client ("devOptional"); production must not
    // need them either: remove them, as a host that omits optional packages would.
    for (const peer of ["prisma", "typescript"])
      rmSync(path.join(appDir, "node_modules", peer), { recursive: true });
    const postinstall = await capture("npm", ["run", "postinstall"], bareEnv);
    check(postinstall.status === 0, "postinstall succeeds without the Prisma CLI");
  }

  const runEnv = {
    ...bareEnv,
    DATABASE_URL: databaseUrl,
    LIVE_BUS: embedded ? "memory" : "postgres",
    APP_URL: appUrl,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    SHUTDOWN_TIMEOUT_MS: "8000",
    ...qbitflow.env,
  } as Env;
  await sh("npm", ["run", "db:deploy"], { env: runEnv });

  const withoutKey = { ...runEnv, QBITFLOW_API_KEY: undefined };
  const refused = await capture("npm", ["start"], withoutKey);
  check(
    refused.status !== 0 && /QBITFLOW_API_KEY: is required in production/.test(refused.output),
    "npm start without QBITFLOW_API_KEY refuses to start and names it",
  );

  // Two orders as the checkout makes them: a row, and a QBitFlow session with its reference.
  const orders: { id: string; session: string }[] = [];
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  for (let i = 0; i < 2; i++) {
    const id = newOrderId();
    const response = await fetch(`${api}/transaction/session-checkout/new/payment`, {
      method: "POST",
      headers: { "X-API-Key": key, "Content-Type": "application/json", "Idempotency-Key": `smoke-${id}` },
      body: JSON.stringify({
        productName: "Smoke test",
        price: 1.99,
        reference: id,
        successUrl: `${appUrl}/checkout/success?order=${id}&session={{UUID}}`,
        cancelUrl: `${appUrl}/cart`,
      }),
    });
    const session = (await response.json()) as { uuid: string; link: string; expiresAt: string };
    await db.query(
      `INSERT INTO "Order" (id, "totalCents", "qbitflowSessionId", "checkoutLink", "expiresAt", "updatedAt")
       VALUES ($1, 199, $2, $3, $4, now() AT TIME ZONE 'UTC')`,
      [id, session.uuid, session.link, session.expiresAt],
    );
    orders.push({ id, session: session.uuid });
  }
  await db.end();
  const [paid, open] = orders as [(typeof orders)[0], (typeof orders)[0]];

  let output = "";
  server = spawn("npm", ["start"], { cwd: appDir, env: runEnv, detached: true });
  server.stdout!.on("data", (chunk) => (output += chunk));
  server.stderr!.on("data", (chunk) => (output += chunk));
  await waitForHttp(`${appUrl}/`, 60_000, () => server!.exitCode === null);

  const home = await fetch(`${appUrl}/`);
  check(home.status === 200 && (await home.text()).includes("Northwind Supply"), "GET / renders the shop");

  const wsUrl = `${appUrl.replace("http", "ws")}/api/live`;
  const paidLive = await subscribe(wsUrl, paid.id);
  await paidLive.snapshot((order) => order.status === "PENDING", 10_000);
  check(true, "WebSocket subscribe on /api/live answers with the order's snapshot");

  const unsigned = await fetch(`${appUrl}/api/webhooks/qbitflow`, { method: "POST", body: "{}" });
  check(unsigned.status === 400, `an unsigned webhook is refused (${unsigned.status})`);

  await fetch(`${qbitflow.sandbox.url}/sandbox/sessions/${encodeURIComponent(paid.session)}/complete`, {
    method: "POST",
    body: JSON.stringify({ skipConfirmation: true }),
  });
  await paidLive.snapshot((order) => order.status === "PAID", 20_000);
  // The socket may hear of the payment first (the live server also asks QBitFlow): wait for the
  // sandbox to record the webhook's answer.
  let deliveries: Awaited<ReturnType<typeof deliveriesOf>> = [];
  for (let i = 0; i < 100; i++) {
    deliveries = await deliveriesOf(api, key, "payment.completed", paid.id);
    if (deliveries.some((d) => d.delivered)) break;
    await sleep(100);
  }
  check(
    deliveries.some((d) => d.delivered && d.attempts.some((a) => a.statusCode === 200)),
    "the signed payment.completed webhook was accepted (200) and the order is PAID on the socket",
  );

  const openLive = await subscribe(wsUrl, open.id);
  await openLive.snapshot(() => true, 10_000);
  const sigtermAt = Date.now();
  // To every process of `npm start` (npm, sh, node), as systemd does by default. (npm itself does
  // not pass a SIGTERM on to the server: where only the main process is signalled, as in Docker,
  // run `node dist/server.mjs` directly: docs/deploy.md.)
  process.kill(-server.pid!, "SIGTERM");
  const close = await Promise.race([openLive.closed, sleep(15_000).then(() => ({ code: -1 }))]);
  check(close.code === 1001, `SIGTERM closes the live socket with 1001 (${close.code})`);
  let alive = true;
  while (alive && Date.now() - sigtermAt < 15_000) {
    await sleep(100);
    try {
      process.kill(-server.pid!, 0);
    } catch {
      alive = false;
    }
  }
  const stopped = /Stopped in (\d+) ms/.exec(output);
  check(
    !alive && stopped,
    `SIGTERM: every process gone after ${Date.now() - sigtermAt} ms (${stopped?.[0] ?? "no 'Stopped' line"})`,
  );
  server = undefined;
  console.log(`[smoke] passed in ${Math.round((Date.now() - started) / 1000)} s`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  if (server?.pid) process.kill(-server.pid, "SIGKILL");
  await qbitflow.stop();
  await embedded?.stop();
  if (!keep) rmSync(work, { recursive: true, force: true });
}
