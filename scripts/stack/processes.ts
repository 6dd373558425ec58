// Child processes of the dev and test commands: started with a prefix on their output, and
// stopped together on Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export const BIN = path.resolve(import.meta.dirname, "../../node_modules/.bin");

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(command, args, { stdio: "inherit", env });
}

/** Resolves with the exit code (signals count as failure). */
export function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(1));
  });
}

export async function runToEnd(command: string, args: string[], env?: NodeJS.ProcessEnv): Promise<number> {
  return exitCode(run(command, args, env));
}

/** Calls `stop` once on the first SIGINT/SIGTERM, so a second Ctrl-C is not needed. */
export function onShutdown(stop: (signal: NodeJS.Signals) => void): void {
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stop(signal);
    });
  }
}
