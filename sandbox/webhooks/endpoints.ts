/** Webhook endpoints: creation, the public view, secrets and rotation. */
import { randomBytes, randomUUID } from "node:crypto";
import type { Clock } from "../clock";
import type { EndpointRecord, Faults, Mode } from "../types";

export const NO_FAULTS: Faults = {
  dropNext: 0,
  duplicate: false,
  delayMs: 0,
  outOfOrder: false,
  corruptSignature: false,
  staleTimestamp: false,
};

export function newSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

export interface NewEndpoint {
  url: string;
  mode: Mode;
  description?: string;
  events?: string[];
  includeMembers?: boolean;
  secret?: string;
}

export function buildEndpoint(input: NewEndpoint, clock: Clock): EndpointRecord {
  return {
    uuid: randomUUID(),
    mode: input.mode,
    url: input.url,
    description: input.description ?? "",
    events: input.events ?? [],
    includeMembers: input.includeMembers ?? true,
    payloadVersion: "v2",
    createdAt: clock.nowIso(),
    secret: input.secret ?? newSecret(),
    previousSecret: null,
    rotatedAt: null,
    disabledAt: null,
    disabledReason: null,
    failingSince: null,
    lastDeliveredAt: null,
    faults: { ...NO_FAULTS },
  };
}

/** `WebhookEndpoint` as the API returns it: the secret is shown only at creation. */
export function endpointView(endpoint: EndpointRecord): Record<string, unknown> {
  return {
    uuid: endpoint.uuid,
    test: endpoint.mode === "test",
    url: endpoint.url,
    events: endpoint.events,
    includeMembers: endpoint.includeMembers,
    payloadVersion: endpoint.payloadVersion,
    description: endpoint.description,
    createdAt: endpoint.createdAt,
    rotatedAt: endpoint.rotatedAt,
    disabledAt: endpoint.disabledAt,
    disabledReason: endpoint.disabledReason,
    failingSince: endpoint.failingSince,
    lastDeliveredAt: endpoint.lastDeliveredAt,
  };
}

/** The secrets that sign right now: the current one, plus the previous during the overlap. */
export function activeSecrets(endpoint: EndpointRecord, clock: Clock): string[] {
  const previous = endpoint.previousSecret;
  return previous && previous.expiresAtMs > clock.now()
    ? [endpoint.secret, previous.secret]
    : [endpoint.secret];
}

export function rotateSecret(
  endpoint: EndpointRecord,
  clock: Clock,
  overlapMs: number,
  secret = newSecret(),
): void {
  endpoint.previousSecret = { secret: endpoint.secret, expiresAtMs: clock.now() + clock.scale(overlapMs) };
  endpoint.secret = secret;
  endpoint.rotatedAt = clock.nowIso();
}

export function disableEndpoint(endpoint: EndpointRecord, reason: "failing" | "owner", clock: Clock): void {
  endpoint.disabledAt = clock.nowIso();
  endpoint.disabledReason = reason;
}

export function enableEndpoint(endpoint: EndpointRecord): void {
  endpoint.disabledAt = null;
  endpoint.disabledReason = null;
  endpoint.failingSince = null;
}
