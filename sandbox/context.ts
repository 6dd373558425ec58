/** What the route modules share: state, services and resolved configuration. */
import type { Clock, Timers } from "./clock";
import type { Lifecycle } from "./checkout/lifecycle";
import type { SandboxProduct } from "./checkout/session-create";
import type { Idempotency } from "./http/idempotency";
import type { LiveHub } from "./pages/live-hub";
import type { Refunds } from "./refunds/refunds";
import type { Store } from "./store";
import type { EndpointRecord, EventRecord, Mode } from "./types";
import type { Dispatcher } from "./webhooks/dispatcher";

export interface SandboxConfig {
  apiKeys: string[];
  organizationName: string;
  /** Base URL used in `link`s, without a trailing slash. */
  publicUrl: string;
  products: SandboxProduct[];
  timeScale: number;
  confirmationDelayMs: number;
  defaultExpiresInMinutes: number;
  retryScheduleMs: readonly number[];
  deliveryTimeoutMs: number;
  rotationOverlapMs: number;
  outOfOrderWindowMs: number;
  /** Real milliseconds every `/v2` answer is delayed by (changeable at runtime). */
  apiLatencyMs: number;
}

export interface SandboxContext {
  config: SandboxConfig;
  store: Store;
  clock: Clock;
  timers: Timers;
  lifecycle: Lifecycle;
  refunds: Refunds;
  dispatcher: Dispatcher;
  idempotency: Idempotency;
  hub: LiveHub;
  emit(type: string, data: Record<string, unknown>, mode: Mode, only?: EndpointRecord): EventRecord;
}
