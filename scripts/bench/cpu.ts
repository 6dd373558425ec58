// Where the CPU went during a run (Linux /proc; elsewhere the figures are simply left out):
// the server process tree, the PostgreSQL backends of the bench database, this process (the
// load generator), and the whole machine, which on a shared machine shows other work too.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import pg from "pg";

const TICK_MS = 10; // USER_HZ is 100 on Linux

function ticksOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
    return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
  } catch {
    return 0;
  }
}

export function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // exited meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, parent] of parents) if (parent === tree[i]) tree.push(pid);
  }
  return tree;
}

function machineTicks(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((sum, n) => sum + n, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

export interface CpuUsage {
  /** CPU milliseconds over the interval. */
  serverMs: number;
  postgresMs: number;
  loadGeneratorMs: number;
  /** Busy share of all CPUs of the machine, 0..1 (includes everything else running). */
  machineBusy: number;
}

export interface CpuMeter {
  stop(): Promise<CpuUsage | undefined>;
}

async function backendPids(databaseUrl: string, database: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [database],
    );
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

/** Starts measuring; call after the warm-up, when the server's pool connections exist. */
export async function startCpuMeter(serverPid: number | undefined, databaseUrl: string, database: string) {
  if (!existsSync("/proc/stat") || serverPid === undefined) return { stop: async () => undefined };
  const server = descendants(serverPid);
  const backends = await backendPids(databaseUrl, database);
  const sum = (pids: number[]) => pids.reduce((total, pid) => total + ticksOf(pid), 0);
  const before = {
    server: sum(server),
    postgres: sum(backends),
    machine: machineTicks(),
    self: process.cpuUsage(),
  };
  return {
    stop: async (): Promise<CpuUsage> => {
      const after = machineTicks();
      const self = process.cpuUsage(before.self);
      // Backends that connected during the run count from zero.
      const now = await backendPids(databaseUrl, database);
      const added = now.filter((pid) => !backends.includes(pid));
      return {
        serverMs: (sum(server) - before.server) * TICK_MS,
        postgresMs: (sum(backends) + sum(added) - before.postgres) * TICK_MS,
        loadGeneratorMs: (self.user + self.system) / 1000,
        machineBusy: (after.busy - before.machine.busy) / Math.max(1, after.total - before.machine.total),
      };
    },
  };
}
