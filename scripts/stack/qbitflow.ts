// The QBitFlow the dev and test commands talk to: the real one when QBITFLOW_API_KEY is set,
// otherwise the local sandbox, registered to deliver webhooks to this app.
import {
  SANDBOX_DEFAULT_API_KEY,
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

export async function startLocalQBitFlow(options: LocalQBitFlowOptions): Promise<LocalQBitFlow> {
  const { appUrl, ...sandboxOptions } = options;
  const settings: SandboxOptions = {
    ...sandboxOptions,
    apiKey: SANDBOX_DEFAULT_API_KEY,
    webhookEndpoints: [{ url: `${appUrl}/api/webhooks/qbitflow`, secret: SANDBOX_DEFAULT_WEBHOOK_SECRET }],
  };
  let sandbox: RunningSandbox;
  try {
    sandbox = await startSandbox({ port: SANDBOX_DEFAULT_PORT, ...settings });
  } catch (error) {
    // Another sandbox (or anything) holds 4010: any free port does, the app is told which.
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    sandbox = await startSandbox({ ...settings, port: 0 });
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
