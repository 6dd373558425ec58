// The two servers under test, each in a process of its own: the production build of the app
// (`next start`) and the bare node:http baseline.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { BIN } from "../stack/processes";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const WEBHOOK_PATH = "/api/webhooks/qbitflow";

export interface RunningServer {
  name: string;
  url: URL;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** The environment the app is built and started with: ours, not whatever the shell had. */
export function appEnv(databaseUrl: string, secret: string, appUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith("QBITFLOW_") || name === "DATABASE_URL" || name === "PORT") delete env[name];
  }
  return {
    ...env,
    DATABASE_URL: databaseUrl,
    QBITFLOW_WEBHOOK_SECRET: secret,
    // A production server requires a key (lib/env.ts); the webhook benchmark never calls
    // QBitFlow, so a well-formed test key and an address that refuses at once (port 9, discard).
    QBITFLOW_API_KEY: "sk_00000000-0000-4000-8000-000000000000_test_bench",
    QBITFLOW_API_URL: "http://127.0.0.1:9/v2",
    APP_URL: appUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export function hasBuild(): boolean {
  return existsSync(path.join(ROOT, ".next", "BUILD_ID"));
}

/** `next build`, its output passed through; rejects when it fails. */
export function buildApp(env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(BIN, "next"), ["build"], {
      cwd: ROOT,
      env: { ...env, NODE_ENV: "production" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`next build failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

export function collectOutput(
  child: ChildProcess,
  name: string,
  onLine?: (line: string) => void,
): () => string {
  let tail = "";
  const take = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    tail = (tail + text).slice(-4000);
    for (const line of text.split("\n")) if (line.trim()) onLine?.(line);
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", (chunk: Buffer) => {
    take(chunk);
    process.stderr.write(`[${name}] ${chunk.toString("utf8")}`);
  });
  return () => tail;
}

export function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill("SIGTERM");
    });
}

/** Polls until the server answers anything at all over HTTP. */
export async function waitForHttp(url: URL, child: ChildProcess, output: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output()}`);
    try {
      await fetch(url, { method: "GET", signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`no answer from ${url.href} within ${timeoutMs / 1000}s:\n${output()}`);
}

/** `next start` of the production build; `nodeArgs` (e.g. --cpu-prof) go to its node process. */
export async function startApp(
  env: NodeJS.ProcessEnv,
  port: number,
  nodeArgs: string[] = [],
): Promise<RunningServer> {
  const next = path.join(ROOT, "node_modules/next/dist/bin/next");
  const args = [...nodeArgs, next, "start", "--port", String(port), "--hostname", "127.0.0.1"];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = collectOutput(child, "app");
  const stop = stopper(child);
  const url = new URL(`http://127.0.0.1:${port}${WEBHOOK_PATH}`);
  try {
    await waitForHttp(url, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { name: "app (next start)", url, pid: child.pid, stop };
}

/** A node:http server script of this folder that prints `listening <port>`, in a process of its own. */
async function startScript(
  name: string,
  file: string,
  env: NodeJS.ProcessEnv,
  nodeArgs: string[] = [],
): Promise<RunningServer> {
  // node --import tsx: one process (the tsx CLI would put a supervisor process in between).
  const script = path.join(import.meta.dirname, file);
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", script], {
    cwd: ROOT,
    env: { ...env, NODE_ENV: "production", PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = stopper(child);
  let announced: (port: number) => void = () => {};
  const port = new Promise<number>((resolve) => (announced = resolve));
  const output = collectOutput(child, file, (line) => {
    const match = /^listening (\d+)/.exec(line);
    if (match) announced(Number(match[1]));
  });
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`${file} exited (${code}):\n${output()}`))),
  );
  exited.catch(() => {});
  try {
    const url = new URL(`http://127.0.0.1:${await Promise.race([port, exited])}${WEBHOOK_PATH}`);
    await waitForHttp(url, child, output);
    return { name, url, pid: child.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export function startBaseline(env: NodeJS.ProcessEnv): Promise<RunningServer> {
  return startScript("baseline (node:http + pg)", "baseline-server.ts", env);
}

/** The app's lib/ webhook code without Next.js: see app-code-server.ts. */
export function startAppCode(env: NodeJS.ProcessEnv): Promise<RunningServer> {
  return startScript("app code without Next.js (node:http + lib/)", "app-code-server.ts", env, [
    "--conditions",
    "react-server",
  ]);
}
