/**
 * One HTTP attempt to deliver an event to an endpoint, with the endpoint's faults applied
 * (delay, drop, duplicate, corrupt signature, stale timestamp). Returns the attempt records.
 */
import { randomUUID } from "node:crypto";
import type { Clock, Timers } from "../clock";
import { STALE_TIMESTAMP_AGE_S } from "../defaults";
import type { AttemptRecord, EndpointRecord, EventRecord } from "../types";
import { activeSecrets } from "./endpoints";
import { computeSignature, corruptSignature, signatureHeader } from "./signature";

export interface SenderDeps {
  clock: Clock;
  timers: Timers;
  deliveryTimeoutMs: number;
  /** Aborted on close so no request outlives the sandbox. */
  shutdown: AbortSignal;
}

export async function sendEvent(
  deps: SenderDeps,
  event: EventRecord,
  endpoint: EndpointRecord,
  firstAttemptNumber: number,
  manual: boolean,
): Promise<AttemptRecord[]> {
  const faults = endpoint.faults;
  if (faults.delayMs > 0) await deps.timers.sleep(faults.delayMs);
  if (faults.dropNext > 0) {
    faults.dropNext -= 1;
    return [
      record(deps, event, endpoint, firstAttemptNumber, manual, {
        statusCode: null,
        error: "dropped by the sandbox (fault dropNext)",
        durationMs: 0,
        fault: "dropNext",
      }),
    ];
  }
  const copies = faults.duplicate ? 2 : 1;
  const attempts: AttemptRecord[] = [];
  for (let copy = 0; copy < copies; copy++) {
    const outcome = await post(deps, event, endpoint);
    const fault = [copy > 0 ? "duplicate" : "", outcome.fault].filter(Boolean).join(",") || undefined;
    attempts.push(record(deps, event, endpoint, firstAttemptNumber + copy, manual, { ...outcome, fault }));
  }
  return attempts;
}

interface Outcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  fault?: string | undefined;
}

async function post(deps: SenderDeps, event: EventRecord, endpoint: EndpointRecord): Promise<Outcome> {
  const { faults } = endpoint;
  const nowSeconds = Math.floor(deps.clock.now() / 1000);
  const timestamp = String(faults.staleTimestamp ? nowSeconds - STALE_TIMESTAMP_AGE_S : nowSeconds);
  let signatures = activeSecrets(endpoint, deps.clock).map((secret) =>
    computeSignature(secret, timestamp, event.body),
  );
  if (faults.corruptSignature) signatures = signatures.map(corruptSignature);
  const fault = [
    faults.corruptSignature ? "corruptSignature" : "",
    faults.staleTimestamp ? "staleTimestamp" : "",
  ]
    .filter(Boolean)
    .join(",");
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  try {
    const response = await fetch(endpoint.url, {
      method: "POST",
      body: event.body,
      redirect: "manual",
      signal: AbortSignal.any([AbortSignal.timeout(deps.deliveryTimeoutMs), deps.shutdown]),
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "QBitFlow-Webhooks/2.0 (sandbox)",
        "QBitFlow-Signature": signatureHeader(timestamp, signatures),
        "QBitFlow-Event-Id": event.id,
        "QBitFlow-Event-Type": event.type,
        "QBitFlow-Webhook-Version": "v2",
      },
    });
    // Drain the body so the connection is reused; its content does not matter.
    await response.arrayBuffer().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    return {
      statusCode: response.status,
      error: ok ? null : `endpoint answered HTTP ${response.status}`,
      durationMs: elapsed(),
      fault,
    };
  } catch (error) {
    return { statusCode: null, error: describe(error, deps.deliveryTimeoutMs), durationMs: elapsed(), fault };
  }
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
    if (error.name === "AbortError") return "sandbox shut down during the attempt";
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ? `${cause.code}: ${cause.message ?? error.message}` : error.message;
  }
  return String(error);
}

function record(
  deps: SenderDeps,
  event: EventRecord,
  endpoint: EndpointRecord,
  attempt: number,
  manual: boolean,
  outcome: Outcome,
): AttemptRecord {
  const delivered = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
  return {
    uuid: randomUUID(),
    eventId: event.id,
    eventType: event.type,
    endpointUuid: endpoint.uuid,
    attempt,
    delivered,
    statusCode: outcome.statusCode,
    error: outcome.error,
    durationMs: outcome.durationMs,
    attemptedAt: new Date(deps.clock.now() - outcome.durationMs).toISOString(),
    ...(outcome.fault ? { fault: outcome.fault } : {}),
    ...(manual ? { manual: true } : {}),
  };
}
