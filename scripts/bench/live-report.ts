// The printed report of `npm run bench:live`: the machine, commit → browser DOM latency split
// into its stages, and the fan-out rounds. Timing targets are printed as information only.
import os from "node:os";
import type { MemoryUsage } from "./live-inspect";
import { summarize } from "./load";

/** One commit → DOM measurement; every time in ms on the Node clock (performance.timeOrigin + now). */
export interface Trial {
  orderId: string;
  /** applyOrderEvent called, and resolved (the commit happened in between). */
  commitStart: number;
  commitEnd: number;
  /** A second LISTENer (in the bench process) got the NOTIFY. */
  notify: number | undefined;
  /** A Node `ws` client subscribed to the same order got the snapshot. */
  nodeWs: number;
  /** In Chromium: the page's WebSocket got the snapshot; the heading changed; the next frame. */
  browserWs: number | null;
  dom: number;
  frame: number | null;
}

export interface FanoutRound {
  subscribers: number;
  connected: number;
  connectFailures: string[];
  connectMs: number;
  /** The server's process.memoryUsage() after a full GC, before connecting and with all connected. */
  before: MemoryUsage;
  after: MemoryUsage;
  /** Again, 2 s after the clients went: back near `before` unless something holds on to them. */
  closed: MemoryUsage | undefined;
  commitMs: number;
  /** Arrival of the snapshot at each client, ms after applyOrderEvent resolved. */
  arrivals: number[];
  missing: number;
  notifyMs: number | undefined;
}

export const DOM_TARGET_P95_MS = 50;
const POLL_INTERVAL_MS = 3_000;

const signed = (value: number) => (value >= 0 ? `+${fmt(value)}` : `−${fmt(-value)}`);
const fmt = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : "n/a");
const loads = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");

export function printMachine(postgres: string, browser: string): void {
  const cpus = os.cpus();
  console.log(
    `machine: ${cpus.length} CPU (${cpus[0]?.model.trim() ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
  );
  console.log(`node ${process.version}, PostgreSQL ${postgres}, ${browser}`);
}

export function printLoad(when: string): void {
  console.log(`load average ${when}: ${loads()} (shared machine: other work competes for the CPUs)`);
}

function line(label: string, values: number[]): string {
  if (values.length === 0) return `  ${label.padEnd(38)} (no samples)`;
  const s = summarize(values);
  return (
    `  ${label.padEnd(38)} p50 ${fmt(s.p50).padStart(9)}  p95 ${fmt(s.p95).padStart(9)}  ` +
    `p99 ${fmt(s.p99).padStart(9)}  max ${fmt(s.max).padStart(9)}  mean ${fmt(s.mean).padStart(9)}`
  );
}

const defined = (values: (number | null | undefined)[]) =>
  values.filter((value): value is number => typeof value === "number");

/** Returns the p95 of commit → DOM. */
export function printTrials(
  trials: Trial[],
  failures: string[],
  clock: { ms: number; uncertaintyMs: number },
) {
  console.log(`\n== commit → browser DOM (${trials.length} orders, one change each, production build)`);
  console.log(
    `  browser clock − Node clock: ${clock.ms.toFixed(2)} ms ± ${clock.uncertaintyMs.toFixed(2)} ms (not corrected)`,
  );
  type Moment = Exclude<keyof Trial, "orderId">;
  const since = (from: Moment, to: Moment) =>
    defined(
      trials.map((t) => {
        const [a, b] = [t[from], t[to]];
        return typeof a === "number" && typeof b === "number" ? b - a : null;
      }),
    );
  const rows: [string, number[]][] = [
    ["commit → heading shows CONFIRMING", since("commitEnd", "dom")],
    ["commit → next animation frame", since("commitEnd", "frame")],
    ["call → heading (incl. the transaction)", since("commitStart", "dom")],
  ];
  const stages: [string, number[]][] = [
    ["applyOrderEvent (call → resolved)", since("commitStart", "commitEnd")],
    ["commit → NOTIFY at a 2nd LISTENer", since("commitEnd", "notify")],
    ["commit → Node ws client has snapshot", since("commitEnd", "nodeWs")],
    ["commit → page WebSocket has snapshot", since("commitEnd", "browserWs")],
    ["page WebSocket → heading (browser)", since("browserWs", "dom")],
    ["NOTIFY → Node ws (server: read + send)", since("notify", "nodeWs")],
  ];
  for (const [label, values] of rows) console.log(line(label, values));
  console.log("  stages (commit = applyOrderEvent resolved; the NOTIFY may come first):");
  for (const [label, values] of stages) console.log(line(label, values));
  const domP95 = summarize(since("commitEnd", "dom")).p95;
  console.log(
    `  polling instead (every ${POLL_INTERVAL_MS / 1000} s): the change waits for the next poll, ` +
      `uniform over 0–${POLL_INTERVAL_MS / 1000} s: mean ${(POLL_INTERVAL_MS / 2000).toFixed(2)} s, ` +
      `p95 ${((POLL_INTERVAL_MS * 0.95) / 1000).toFixed(2)} s, plus the request`,
  );
  if (failures.length) {
    console.log(`  FAILED trials: ${failures.length}`);
    for (const failure of failures.slice(0, 5)) console.log(`    e.g. ${failure}`);
  }
  return domP95;
}

export function printFanout(rounds: FanoutRound[]): void {
  rounds.forEach((round, index) => {
    const s = summarize(round.arrivals);
    const first = Math.min(...round.arrivals);
    const { before, after } = round;
    const perConnection = (bytes: number) =>
      `${(bytes / 1024 / Math.max(1, round.connected)).toFixed(1)} KiB`;
    const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
    const heap = (m: MemoryUsage) => m.heapUsed + m.external;
    console.log(`\n== fan-out round ${index + 1}: ${round.subscribers} WebSocket clients on one order`);
    console.log(
      `  connected    ${round.connected}/${round.subscribers} in ${(round.connectMs / 1000).toFixed(2)} s` +
        (round.connectFailures.length ? ` (failures, e.g. ${round.connectFailures[0]})` : ""),
    );
    console.log(
      `  server memory after a full GC, before → with all connected: ` +
        `JS heap + external ${mib(heap(before))} → ${mib(heap(after))}, RSS ${mib(before.rss)} → ${mib(after.rss)}`,
    );
    console.log(
      `  per connection: JS heap + external ${perConnection(heap(after) - heap(before))}, ` +
        `RSS ${perConnection(after.rss - before.rss)} (RSS reuses pages freed earlier: least telling)`,
    );
    if (round.closed) {
      console.log(`  2 s after the clients closed: JS heap + external ${mib(heap(round.closed))}`);
    }
    console.log(
      `  one change   applyOrderEvent ${fmt(round.commitMs)}; NOTIFY at a 2nd LISTENer ${signed(round.notifyMs ?? NaN)} after it resolved`,
    );
    console.log(
      `  snapshot at the clients, after the commit: first ${fmt(first)}  p50 ${fmt(s.p50)}  ` +
        `p95 ${fmt(s.p95)}  last ${fmt(s.max)}`,
    );
    console.log(
      `  received     ${round.arrivals.length}/${round.connected}${round.missing ? ` (${round.missing} MISSING)` : ""}`,
    );
  });
}

export function printTargets(domP95: number, rounds: FanoutRound[]): void {
  const met = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log(`\n== targets (information; only functional failures change the exit code)`);
  console.log(
    `  commit → DOM p95 ≤ ${DOM_TARGET_P95_MS} ms: ${met(domP95 <= DOM_TARGET_P95_MS)} (${fmt(domP95)})`,
  );
  if (rounds.length) {
    const held = rounds.every((r) => r.connected === r.subscribers && r.missing === 0);
    const lasts = rounds.map((r) => fmt(Math.max(...r.arrivals))).join(", ");
    console.log(
      `  ${rounds[0]!.subscribers} concurrent subscribers on one instance: ${met(held)}; ` +
        `change → all of them: ${lasts}`,
    );
  }
}
