// The fan-out subscribers, held by a child process (live-fanout-client.ts): opened on one order,
// then asked when each got the snapshot of the change. Times are on the same clock as the
// bench's (performance.timeOrigin + performance.now(), i.e. the machine's wall clock).
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "./servers";

export type FanoutCommand =
  | { type: "open"; wsUrl: string; orderId: string; count: number }
  | { type: "collect"; timeoutMs: number }
  | { type: "close" };

export type FanoutReply =
  | { type: "opened"; failures: string[]; connectMs: number }
  | { type: "arrivals"; times: number[]; missing: number }
  | { type: "closed" }
  | { type: "error"; message: string };

export interface FanoutClients {
  open(wsUrl: string, orderId: string, count: number): Promise<{ failures: string[]; connectMs: number }>;
  /** Arrival times of the awaited snapshot, and how many clients had none after `timeoutMs`. */
  collect(timeoutMs: number): Promise<{ times: number[]; missing: number }>;
  close(): Promise<void>;
  stop(): Promise<void>;
}

export function startFanoutClients(): FanoutClients {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "live-fanout-client.ts")],
    {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  const ask = <T extends FanoutReply["type"]>(command: FanoutCommand, expected: T) =>
    new Promise<Extract<FanoutReply, { type: T }>>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`fan-out client process exited (${code})`));
      child.once("exit", onExit);
      child.once("message", (reply: FanoutReply) => {
        child.off("exit", onExit);
        if (reply.type === expected) resolve(reply as Extract<FanoutReply, { type: T }>);
        else reject(new Error(reply.type === "error" ? reply.message : `unexpected reply ${reply.type}`));
      });
      child.send(command);
    });
  return {
    open: async (wsUrl, orderId, count) => ask({ type: "open", wsUrl, orderId, count }, "opened"),
    collect: async (timeoutMs) => ask({ type: "collect", timeoutMs }, "arrivals"),
    close: async () => void (await ask({ type: "close" }, "closed")),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.disconnect();
        setTimeout(() => child.kill("SIGKILL"), 3000).unref();
      }),
  };
}
