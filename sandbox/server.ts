/**
 * The local QBitFlow sandbox: a separate HTTP server that speaks API v2 under `/v2`, hosts a
 * simulated checkout page, signs and retries webhooks, and exposes a control API under
 * `/sandbox/`. `startSandbox` wires the modules together; nothing here knows the app.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ActivityLog } from "./activity-log";
import { Lifecycle } from "./checkout/lifecycle";
import type { SandboxProduct } from "./checkout/session-create";
import { pageView } from "./checkout/views";
import { Clock, Timers } from "./clock";
import type { SandboxConfig, SandboxContext } from "./context";
import * as defaults from "./defaults";
import { assertValidKeyShape, parseApiKey } from "./http/auth";
import { Idempotency } from "./http/idempotency";
import { Router } from "./http/router";
import { handleRequest } from "./http/serve";
import { LiveHub } from "./pages/live-hub";
import { registerApiRoutes } from "./routes/api-routes";
import { registerControlRoutes } from "./routes/control-routes";
import { registerInvoiceRoutes } from "./routes/invoice-routes";
import { registerPageRoutes } from "./routes/page-routes";
import { registerRefundControlRoutes } from "./routes/refund-control-routes";
import { registerRefundRoutes } from "./routes/refund-routes";
import { Refunds } from "./refunds/refunds";
import { registerWebhookRoutes } from "./routes/webhook-routes";
import { Store } from "./store";
import type { Mode } from "./types";
import { Dispatcher } from "./webhooks/dispatcher";
import { buildEndpoint } from "./webhooks/endpoints";
import { buildEvent } from "./webhooks/events";

export interface SandboxOptions {
  /** 0 picks a free port. Default 4010. */
  port?: number;
  /** Default 127.0.0.1 (the control API is unauthenticated). */
  host?: string;
  /** JSON file the state survives restarts in; `null` keeps it in memory. Default `.data/sandbox/state.json`. */
  stateFile?: string | null;
  /** Multiplies every sandbox duration (expiry, confirmations, retries, overlaps). Default 1. */
  timeScale?: number;
  /** Sandbox time a paid session stays `waitingConfirmation`. Default 5000. */
  confirmationDelayMs?: number;
  /** The accepted API key (v2 shape; its mode is the sandbox space's mode). Default SANDBOX_DEFAULT_API_KEY. */
  apiKey?: string;
  /** More accepted keys, e.g. a `_live_` one to exercise live-mode rules. */
  extraApiKeys?: string[];
  /** Endpoints to register at start; an existing endpoint with the same url keeps its uuid and gets this secret. */
  webhookEndpoints?: Array<{ url: string; secret: string }>;
  /** Base URL used in checkout `link`s. Default: the URL the server listens on. */
  publicUrl?: string;
  organizationName?: string;
  /** Products for `productUuid` / `productReference` sessions. */
  products?: SandboxProduct[];
  /** Used when `expiresInMinutes` is absent or 0. Default 60 (sandbox-defined). */
  defaultExpiresInMinutes?: number;
  /** Offsets of each delivery attempt from the first, sandbox time. Default: DEFAULT_RETRY_SCHEDULE_MS. */
  retryScheduleMs?: readonly number[];
  /** Real milliseconds an endpoint has to answer (not scaled). Default 30000. */
  deliveryTimeoutMs?: number;
  /** Sandbox time both secrets sign after a rotation. Default 24 h. */
  rotationOverlapMs?: number;
  /** Real milliseconds deliveries are held back under the `outOfOrder` fault. Default 500. */
  outOfOrderWindowMs?: number;
  /** Real milliseconds every `/v2` answer is delayed by, e.g. to exercise client timeouts. Default 0. */
  apiLatencyMs?: number;
  /** Log sink: one line per payment event; silent when absent. */
  log?: (line: string) => void;
  /** Also log every HTTP request (method, path, status). Default false. */
  logRequests?: boolean;
}

export interface RunningSandbox {
  /** Base URL, e.g. http://127.0.0.1:4010 (the API is under `${url}/v2`). */
  url: string;
  port: number;
  apiKey: string;
  /** The registered endpoints of `webhookEndpoints`, with their uuids. */
  endpoints: Array<{ uuid: string; url: string; secret: string }>;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const apiKey = options.apiKey ?? defaults.SANDBOX_DEFAULT_API_KEY;
  const apiKeys = [apiKey, ...(options.extraApiKeys ?? [])];
  apiKeys.forEach(assertValidKeyShape);
  const mode: Mode = parseApiKey(apiKey)?.mode ?? "test";
  const clock = new Clock(options.timeScale ?? 1);
  const timers = new Timers();
  const store = new Store(
    options.stateFile === undefined ? defaults.SANDBOX_DEFAULT_STATE_FILE : options.stateFile,
  );
  const config: SandboxConfig = {
    apiKeys,
    organizationName: options.organizationName ?? defaults.SANDBOX_DEFAULT_ORGANIZATION_NAME,
    publicUrl: "",
    products: options.products ?? [],
    timeScale: clock.timeScale,
    confirmationDelayMs: options.confirmationDelayMs ?? defaults.DEFAULT_CONFIRMATION_DELAY_MS,
    defaultExpiresInMinutes: options.defaultExpiresInMinutes ?? defaults.DEFAULT_EXPIRES_IN_MINUTES,
    retryScheduleMs: options.retryScheduleMs ?? defaults.DEFAULT_RETRY_SCHEDULE_MS,
    deliveryTimeoutMs: options.deliveryTimeoutMs ?? defaults.DEFAULT_DELIVERY_TIMEOUT_MS,
    rotationOverlapMs: options.rotationOverlapMs ?? defaults.DEFAULT_ROTATION_OVERLAP_MS,
    outOfOrderWindowMs: options.outOfOrderWindowMs ?? defaults.DEFAULT_OUT_OF_ORDER_WINDOW_MS,
    apiLatencyMs: options.apiLatencyMs ?? 0,
  };

  // The hub reads sessions through the lifecycle, which is created just below.
  const hub = new LiveHub((id) => {
    try {
      return pageView(lifecycle.get(id), config.organizationName);
    } catch {
      return null;
    }
  });
  const activity = new ActivityLog(options.log, (uuid) => store.state.payments[uuid]?.data);
  const dispatcher = new Dispatcher(store, clock, timers, config, () => undefined);
  const lifecycle = new Lifecycle({
    store,
    clock,
    timers,
    confirmationDelayMs: () => config.confirmationDelayMs,
    organizationName: config.organizationName,
    // QBitFlow's management page is the customer's invoice, where refunds are requested.
    managementPageLink: (uuid) => `${config.publicUrl}/checkout/${uuid}/invoice`,
    emit: (type, data, eventMode) => dispatcher.publish(buildEvent(type, data, eventMode, clock)),
    onChange: (session) => {
      activity.note(session);
      hub.publish(session.uuid);
    },
  });
  const refunds = new Refunds({
    store,
    clock,
    emit: (type, data, eventMode) => dispatcher.publish(buildEvent(type, data, eventMode, clock)),
    log: options.log,
    // The hosted page of the refunded payment shows the refund's state.
    onChange: (refund) => hub.publish(refund.txUuid),
  });
  const context: SandboxContext = {
    config,
    store,
    clock,
    timers,
    lifecycle,
    refunds,
    dispatcher,
    hub,
    idempotency: new Idempotency(store, clock),
    emit(type, data, eventMode, only) {
      const event = buildEvent(type, data, eventMode, clock);
      dispatcher.publish(event, only);
      return event;
    },
  };

  const endpoints = registerEndpoints(context, options.webhookEndpoints ?? [], mode);

  const router = new Router();
  registerApiRoutes(router, context);
  registerRefundRoutes(router, context);
  registerWebhookRoutes(router, context);
  registerControlRoutes(router, context);
  registerRefundControlRoutes(router, context);
  registerPageRoutes(router, context);
  registerInvoiceRoutes(router, context);

  const requestLog = options.logRequests ? options.log : undefined;
  const server = createServer((req, res) => void handleRequest(router, req, res, requestLog));
  server.on("upgrade", (req, socket, head) => hub.handleUpgrade(req, socket, head));
  const host = options.host ?? defaults.SANDBOX_DEFAULT_HOST;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? defaults.SANDBOX_DEFAULT_PORT, host, () => resolve());
    });
  } catch (error) {
    // Nothing of this attempt may outlive it: its pending state write would race the next
    // start's on the same file, and timers would keep the process alive.
    timers.closeAll();
    dispatcher.close();
    store.discard();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;
  config.publicUrl = (options.publicUrl ?? url).replace(/\/+$/, "");

  // Re-arm what a previous run left scheduled: expiries, confirmations, retries.
  for (const session of Object.values(store.state.sessions)) lifecycle.arm(session);
  dispatcher.rearmAll();

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    apiKey,
    endpoints,
    close() {
      closing ??= (async () => {
        timers.closeAll();
        dispatcher.close();
        await hub.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await store.flush();
      })();
      return closing;
    },
  };
}

function registerEndpoints(
  context: SandboxContext,
  wanted: Array<{ url: string; secret: string }>,
  mode: Mode,
) {
  const { store, clock } = context;
  const result = wanted.map(({ url, secret }) => {
    let endpoint = store.state.endpoints.find((e) => e.url === url && e.mode === mode);
    if (endpoint) endpoint.secret = secret;
    else {
      endpoint = buildEndpoint({ url, mode, secret, description: "registered at sandbox start" }, clock);
      store.state.endpoints.push(endpoint);
    }
    return { uuid: endpoint.uuid, url, secret };
  });
  if (wanted.length > 0) store.changed();
  return result;
}
