// What the live benchmark runs against: the custom server (server.ts: Next.js + /api/live) on the
// production build, and checkout sessions in the in-memory QBitFlow sandbox for every seeded
// order, so the server's own status checks find them open ("created") and change nothing.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { CHANNEL } from "../../lib/orders/change-bus";
import { descendants } from "./cpu";
import { INSPECT_NODE_OPTION, openInspector, type Inspector } from "./live-inspect";
import { collectOutput, ROOT, stopper, waitForHttp } from "./servers";

export interface LiveApp {
  url: URL;
  /** The node process that owns the listening socket (tsx runs server.ts in a child process). */
  servingPid: number;
  /** Switches the serving process's inspector on (SIGUSR1) and connects to it. */
  inspect(): Promise<Inspector>;
  stop(): Promise<void>;
}

/** Inode of the socket listening on 127.0.0.1:`port` (Linux /proc/net/tcp), or undefined. */
function listeningInode(port: number): string | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let lines: string[];
    try {
      lines = readFileSync(table, "utf8").split("\n").slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      // local_address(1) … st(3) … inode(9); 0A = LISTEN
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A") return fields[9];
    }
  }
  return undefined;
}

/** The process, among `root` and its descendants, holding the socket that listens on `port`. */
export function findServingPid(root: number, port: number): number | undefined {
  const inode = listeningInode(port);
  if (!inode) return undefined;
  for (const pid of descendants(root)) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) return pid;
      }
    } catch {
      // exited, or not ours to read
    }
  }
  return undefined;
}

/** `tsx --tsconfig tsconfig.server.json server.ts`, as `npm start` runs it. */
export async function startLiveApp(env: NodeJS.ProcessEnv, port: number): Promise<LiveApp> {
  const child = spawn(
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["--tsconfig", "tsconfig.server.json", "server.ts"],
    {
      cwd: ROOT,
      env: {
        ...env,
        NODE_ENV: "production",
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        NODE_OPTIONS: [env.NODE_OPTIONS, INSPECT_NODE_OPTION].filter(Boolean).join(" "),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let inspectorAt: (url: string) => void = () => {};
  const inspectorUrl = new Promise<string>((resolve) => (inspectorAt = resolve));
  const output = collectOutput(child, "app", (line) => {
    const match = /Debugger listening on (ws:\/\/\S+)/.exec(line);
    if (match) inspectorAt(match[1]!);
  });
  const stopTsx = stopper(child);
  let servingPid: number | undefined;
  const stop = async () => {
    await stopTsx();
    // Should the supervisor have gone without its child, the server must not outlive the bench.
    if (servingPid && servingPid !== child.pid) {
      try {
        process.kill(servingPid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  };
  const url = new URL(`http://127.0.0.1:${port}`);
  try {
    await waitForHttp(new URL("/api/live", url), child, output);
    servingPid = child.pid === undefined ? undefined : findServingPid(child.pid, port);
    if (!servingPid) throw new Error(`no process of the app (pid ${child.pid}) listens on port ${port}`);
  } catch (error) {
    await stop();
    throw error;
  }
  const serving = servingPid;
  const inspect = async () => {
    process.kill(serving, "SIGUSR1");
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("the app's inspector did not start")), 10_000).unref(),
    );
    return openInspector(await Promise.race([inspectorUrl, timeout]));
  };
  return { url, servingPid, inspect, stop };
}

/**
 * Opens a sandbox checkout session for each order (reference = order id) and stores its id on
 * the order, as checkout does. Inline price 1 USD: test mode caps a session at 5 USD, and
 * nothing here pays.
 */
export async function openSandboxSessions(
  sandbox: { url: string; apiKey: string },
  databaseUrl: string,
  orderIds: string[],
  concurrency = 20,
): Promise<void> {
  const sessions: string[] = new Array<string>(orderIds.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < orderIds.length; i = next++) {
      const orderId = orderIds[i]!;
      const response = await fetch(`${sandbox.url}/v2/transaction/session-checkout/new/payment`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-api-key": sandbox.apiKey,
          "idempotency-key": `bench-live-${orderId}`,
        },
        body: JSON.stringify({
          productName: "Bench item",
          price: 1,
          reference: orderId,
          expiresInMinutes: 120,
        }),
      });
      const body = (await response.json()) as { uuid?: string };
      if (response.status !== 201 || !body.uuid) {
        throw new Error(`sandbox refused a session (${response.status}): ${JSON.stringify(body)}`);
      }
      sessions[i] = body.uuid;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `UPDATE "Order" o SET "qbitflowSessionId" = s.session
         FROM unnest($1::text[], $2::text[]) AS s(id, session) WHERE o."id" = s.id`,
      [orderIds, sessions],
    );
  } finally {
    await client.end();
  }
}

/** Arrival times of `order_changed` notifications, as a second LISTENer on the database sees them. */
export async function listenForChanges(
  databaseUrl: string,
  now: () => number,
): Promise<{ arrivals: Map<string, number>; close(): Promise<void> }> {
  const arrivals = new Map<string, number>();
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("notification", (message) => {
    if (message.channel === CHANNEL && message.payload && !arrivals.has(message.payload))
      arrivals.set(message.payload, now());
  });
  await client.connect();
  await client.query(`LISTEN ${CHANNEL}`);
  return { arrivals, close: () => client.end() };
}
