// npm run verify:vercel — builds what Vercel would deploy, here, with no account and no network,
// and checks it (CI runs it):
//   1. writes .vercel/project.json (what `vercel link` would) and runs the pinned CLI's
//      `vercel build --yes`: the project's `vercel-build` script (migrations, then the build)
//      against a throwaway embedded database, through Vercel's own Next.js builder;
//   2. crons in .vercel/output/config.json are Hobby-valid (at most daily);
//   3. the webhook, cron, status and server-action routes are functions; none over 250 MB;
//   4. no secret is inlined in the static output (the build ran with recognisable fake secrets);
//   5. the migrations ran (the build command migrated the database it was given).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { readMigrations } from "../db/migrate";
import { startEmbeddedPostgres } from "../db/embedded-postgres";
import {
  FUNCTION_SIZE_LIMIT,
  findSecrets,
  hobbyCronProblem,
  listFunctions,
  megabytes,
} from "./output-checks";

const root = path.resolve(import.meta.dirname, "../..");
const output = path.join(root, ".vercel", "output");
const failures: string[] = [];
const ok = (line: string) => console.log(`[verify:vercel] ok: ${line}`);
const fail = (line: string) => (failures.push(line), console.error(`[verify:vercel] FAIL: ${line}`));

// Values nobody would write by accident, so finding one in the output can only mean a leak.
const marker = `VERIFY${Date.now().toString(36).toUpperCase()}`;
const secrets = {
  QBITFLOW_API_KEY: `sk_00000000-0000-4000-8000-000000000000_live_${marker}key`,
  QBITFLOW_WEBHOOK_SECRET: `whsec_${marker}webhook`,
  CRON_SECRET: `cron_${marker}_secret`,
  ADMIN_PASSWORD: `admin_${marker}_password`,
  DATABASE_PASSWORD: `db_${marker}_password`,
};

const routes = {
  "webhook route": "api/webhooks/qbitflow",
  "cron route": "api/cron/reconcile",
  "status route": "api/orders/[id]/status",
  "checkout server action (cart page)": "cart",
  "cancel server action": "checkout/cancel",
  "admin server actions": "admin/login",
};

mkdirSync(path.join(root, ".vercel"), { recursive: true });
writeFileSync(
  path.join(root, ".vercel", "project.json"),
  JSON.stringify({
    projectId: "prj_local",
    orgId: "team_local",
    settings: { framework: "nextjs", nodeVersion: "20.x" },
  }),
);
rmSync(output, { recursive: true, force: true });

const database = await startEmbeddedPostgres();
// PGlite ignores the password; it is in the URL only so a leaked DATABASE_URL can be found.
const databaseUrl = database.url.replace("postgres:postgres@", `postgres:${secrets.DATABASE_PASSWORD}@`);
try {
  const started = Date.now();
  // Asynchronously: the embedded database is served by this very process.
  const build = spawn(path.join(root, "node_modules/.bin/vercel"), ["build", "--yes"], {
    cwd: root,
    stdio: "inherit",
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
      VERCEL_TELEMETRY_DISABLED: "1",
      NO_UPDATE_NOTIFIER: "1",
      DATABASE_URL: databaseUrl,
      DATABASE_URL_UNPOOLED: databaseUrl,
      ...secrets,
    } as unknown as NodeJS.ProcessEnv,
  });
  const [status] = (await once(build, "exit")) as [number | null];
  if (status !== 0) throw new Error(`vercel build exited ${status}`);
  ok(`vercel build --yes wrote .vercel/output in ${Math.round((Date.now() - started) / 1000)} s`);

  const config = JSON.parse(readFileSync(path.join(output, "config.json"), "utf8")) as {
    crons?: { path: string; schedule: string }[];
  };
  if (!config.crons?.length)
    fail("no crons in .vercel/output/config.json: the sweep would never run on schedule");
  for (const cron of config.crons ?? []) {
    const problem = hobbyCronProblem(cron.schedule);
    if (problem) fail(`cron ${cron.path}: ${problem}`);
    else ok(`cron ${cron.path} "${cron.schedule}" is Hobby-valid`);
  }

  const functions = listFunctions(output, root);
  const deployed = new Set(functions.map((fn) => fn.target));
  console.log(`[verify:vercel] ${functions.length} routes, deployed as ${deployed.size} functions:`);
  for (const fn of functions) {
    const shared = fn.target === fn.route ? "" : `  (= ${fn.target})`;
    console.log(`  ${fn.route.padEnd(44)} ${megabytes(fn.bytes).padStart(8)}  ${fn.runtime}${shared}`);
  }
  for (const [what, route] of Object.entries(routes)) {
    if (functions.some((fn) => fn.route === route)) ok(`${what} is a function (${route})`);
    else fail(`${what}: no function ${route}.func in the output`);
  }
  const largest = functions.reduce((a, b) => (b.bytes > a.bytes ? b : a), {
    route: "-",
    bytes: 0,
    runtime: "",
  });
  for (const fn of functions.filter((f) => f.bytes > FUNCTION_SIZE_LIMIT)) {
    fail(`${fn.route} is ${megabytes(fn.bytes)} unzipped, over Vercel's ${megabytes(FUNCTION_SIZE_LIMIT)}`);
  }
  if (largest.bytes <= FUNCTION_SIZE_LIMIT)
    ok(`largest function ${largest.route}: ${megabytes(largest.bytes)} (limit 250 MB)`);

  const leaks = [
    ...findSecrets(path.join(output, "static"), secrets),
    ...findSecrets(path.join(root, ".next", "static"), secrets),
  ];
  if (leaks.length) for (const leak of leaks) fail(`secret in static output: ${leak}`);
  else ok(`none of ${Object.keys(secrets).length} fake secrets appears in the static output`);

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
  );
  await client.end();
  const expected = readMigrations().length;
  if (rows[0]!.n === expected) ok(`the build command applied all ${expected} migrations first`);
  else fail(`the build applied ${rows[0]!.n} of ${expected} migrations`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
} finally {
  await database.stop();
}
if (!existsSync(output)) fail(".vercel/output was not written");
console.log(
  failures.length ? `[verify:vercel] ${failures.length} problem(s)` : "[verify:vercel] all checks passed",
);
process.exit(failures.length ? 1 : 0);
