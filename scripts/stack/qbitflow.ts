// The QBitFlow the dev and test commands talk to: the real one when QBITFLOW_API_KEY is set,
// otherwise the local sandbox, registered to deliver webhooks to this app.
import {
  SANDBOX_DEFAULT_API_KEY,
  SANDBOX_DEFAULT_HOST,
  SANDBOX_DEFAULT_PORT,
  SANDBOX_DEFAULT_WEBHOOK_SECRET,
} from "../../sandbox/defaults";
import { startSandbox, type RunningSandbox, type SandboxOptions } from "../../sandbox/server";

export interface LocalQBitFlow {
  /** Variables for the app: QBITFLOW_API_URL, QBITFLOW_API_KEY, QBITFLOW_WEBHOOK_SECRET. */
  env: Record<string, string>;
  sandbox: RunningSandbox;
  stop(): Promise<void>;
}

export interface LocalQBitFlowOptions extends Omit<SandboxOptions, "webhookEndpoints" | "apiKey"> {
  /** The app's public URL; webhooks go to `${appUrl}/api/webhooks/qbitflow`. */
  appUrl: string;
}

/**
 * Starts the sandbox on `port` (4010 when absent; 0 = any free port, for tests). A taken port is
 * an error, never a move to another one: the orders of `npm run dev` keep payment links to this
 * port in the database, and they must still work after a restart.
 */
export async function startLocalQBitFlow(options: LocalQBitFlowOptions): Promise<LocalQBitFlow> {
  const { appUrl, ...sandboxOptions } = options;
  const settings: SandboxOptions = {
    port: SANDBOX_DEFAULT_PORT,
    ...sandboxOptions,
    apiKey: SANDBOX_DEFAULT_API_KEY,
    webhookEndpoints: [{ url: `${appUrl}/api/webhooks/qbitflow`, secret: SANDBOX_DEFAULT_WEBHOOK_SECRET }],
  };
  let sandbox: RunningSandbox;
  try {
    sandbox = await startSandbox(settings);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    const host = settings.host ?? SANDBOX_DEFAULT_HOST;
    throw new Error(await portTakenMessage(host, settings.port ?? SANDBOX_DEFAULT_PORT), { cause: error });
  }
  return {
    sandbox,
    env: {
      QBITFLOW_API_URL: `${sandbox.url}/v2`,
      QBITFLOW_API_KEY: sandbox.apiKey,
      QBITFLOW_WEBHOOK_SECRET: SANDBOX_DEFAULT_WEBHOOK_SECRET,
    },
    stop: () => sandbox.close(),
  };
}

async function portTakenMessage(host: string, port: number): Promise<string> {
  const holder = (await isSandbox(host, port))
    ? "another QBitFlow sandbox (an `npm run dev` or `npm run sandbox` still running in another terminal?)"
    : "another program";
  return (
    `port ${port} is taken by ${holder}. Stop it, or run this sandbox on another port: ` +
    `SANDBOX_PORT=${port + 1} npm run dev (or put SANDBOX_PORT in .env.local). The port stays ` +
    `fixed on purpose: open orders keep payment links to it.`
  );
}

/** Asks the holder of the port whether it is a sandbox: its unauthenticated `/healthz` and `/me`. */
async function isSandbox(host: string, port: number): Promise<boolean> {
  const base = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  try {
    const response = await fetch(`${base}/v2/me`, {
      headers: { "x-api-key": SANDBOX_DEFAULT_API_KEY },
      signal: AbortSignal.timeout(1_000),
    });
    const body = (await response.json()) as { credential?: unknown; code?: unknown };
    // The sandbox answers its own key, or a v2 error body for a key configured differently.
    return body.credential === "apiKey" || body.code === "unauthorized";
  } catch {
    return false;
  }
}

export interface DevSandboxSettings {
  port: number;
  timeScale: number;
}

/** The settings `npm run dev` takes from its environment (.env, .env.local) for the sandbox. */
export function sandboxSettingsFromEnv(env: Record<string, string | undefined>): DevSandboxSettings {
  const rawPort = env.SANDBOX_PORT?.trim() || undefined;
  const port = rawPort === undefined ? SANDBOX_DEFAULT_PORT : Number(rawPort);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`SANDBOX_PORT must be a port number from 1 to 65535, got "${rawPort}"`);
  }
  const rawScale = env.SANDBOX_TIME_SCALE?.trim() || undefined;
  const timeScale = rawScale === undefined ? 1 : Number(rawScale);
  if (!Number.isFinite(timeScale) || timeScale <= 0) {
    throw new Error(`SANDBOX_TIME_SCALE must be a number above 0, got "${rawScale}"`);
  }
  return { port, timeScale };
}
