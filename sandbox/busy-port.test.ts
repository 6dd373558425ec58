/**
 * A start that cannot bind its port (issue 13, item 12) fails cleanly: the error says so, and the
 * half-started sandbox leaves nothing running behind it, in particular no state write racing the
 * next start's on the same file (that race printed `ENOENT … state.json.<pid>.tmp`).
 */
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startTestSandbox } from "./test/helpers";

let dir: string;
let holder: Server;
let port: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "qbitflow-busy-"));
  holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
  port = (holder.address() as { port: number }).port;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await new Promise((resolve) => holder.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a port that is taken", () => {
  it("rejects with EADDRINUSE and leaves no state write or timer behind", async () => {
    const stateFile = join(dir, "state.json");
    const endpoints = [{ url: "http://127.0.0.1:9/hook", secret: "whsec_x" }];
    await expect(startTestSandbox({ port, stateFile, webhookEndpoints: endpoints })).rejects.toMatchObject({
      code: "EADDRINUSE",
    });
    await sleep(200); // longer than the store's write debounce
    expect(existsSync(stateFile)).toBe(false);
  });

  it("lets the next start on the same state file run without an error on the console", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const stateFile = join(dir, "state.json");
    const endpoints = [{ url: "http://127.0.0.1:9/hook", secret: "whsec_x" }];
    await expect(startTestSandbox({ port, stateFile, webhookEndpoints: endpoints })).rejects.toThrow();
    const sandbox = await startTestSandbox({ port: 0, stateFile, webhookEndpoints: endpoints });
    await sleep(200);
    await sandbox.close();
    expect(errors).not.toHaveBeenCalled();
    expect((await readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(existsSync(stateFile)).toBe(true);
  });
});
