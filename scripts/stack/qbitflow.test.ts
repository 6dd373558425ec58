// `npm run dev` keeps the sandbox on one port (issue 13, item 12): payment links of open orders
// stay valid across restarts. A taken port is a clear error that names what holds it and how to
// pick another, never a silent move to a random port; port 0 (the tests) still takes any port.
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../../sandbox/server";
import { sandboxSettingsFromEnv, startLocalQBitFlow, type LocalQBitFlow } from "./qbitflow";

const appUrl = "http://localhost:3999";
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function holdPortWithPlainServer(): Promise<number> {
  const server: Server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return (server.address() as { port: number }).port;
}

async function holdPortWithSandbox(): Promise<number> {
  const other: RunningSandbox = await startSandbox({ port: 0, stateFile: null });
  cleanups.push(() => other.close());
  return other.port;
}

async function start(port: number): Promise<LocalQBitFlow> {
  const qbitflow = await startLocalQBitFlow({ appUrl, port, stateFile: null });
  cleanups.push(() => qbitflow.stop());
  return qbitflow;
}

describe("the local QBitFlow's port", () => {
  it("is an error naming another sandbox as the holder, and SANDBOX_PORT as the way out", async () => {
    const port = await holdPortWithSandbox();
    const failure = start(port);
    await expect(failure).rejects.toThrow(`port ${port} is taken by another QBitFlow sandbox`);
    await expect(failure).rejects.toThrow(/SANDBOX_PORT=\d+ npm run dev/);
  });

  it("is an error naming another program when something else holds it", async () => {
    const port = await holdPortWithPlainServer();
    await expect(start(port)).rejects.toThrow(`port ${port} is taken by another program`);
  });

  it("is any free port for port 0, as the tests ask, even while another sandbox runs", async () => {
    await holdPortWithSandbox();
    const qbitflow = await start(0);
    expect(qbitflow.env.QBITFLOW_API_URL).toBe(`${qbitflow.sandbox.url}/v2`);
  });
});

describe("the dev sandbox's settings", () => {
  it("defaults to port 4010 and real time", () => {
    expect(sandboxSettingsFromEnv({})).toEqual({ port: 4010, timeScale: 1 });
  });

  it("reads SANDBOX_PORT and SANDBOX_TIME_SCALE", () => {
    expect(sandboxSettingsFromEnv({ SANDBOX_PORT: "4011", SANDBOX_TIME_SCALE: "0.01" })).toEqual({
      port: 4011,
      timeScale: 0.01,
    });
  });

  it.each([
    [{ SANDBOX_PORT: "http" }, /SANDBOX_PORT must be a port number from 1 to 65535, got "http"/],
    [{ SANDBOX_PORT: "70000" }, /SANDBOX_PORT must be a port number/],
    [{ SANDBOX_TIME_SCALE: "0" }, /SANDBOX_TIME_SCALE must be a number above 0, got "0"/],
  ])("refuses %j with a message naming the variable", (env, message) => {
    expect(() => sandboxSettingsFromEnv(env)).toThrow(message);
  });
});
