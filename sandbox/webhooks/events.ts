/** The v2 event envelope (spec §5.2), serialized once so every retry sends identical bytes. */
import { randomUUID } from "node:crypto";
import type { Clock } from "../clock";
import type { EventRecord, Mode } from "../types";

export function buildEvent(
  type: string,
  data: Record<string, unknown>,
  mode: Mode,
  clock: Clock,
): EventRecord {
  const id = `evt_${randomUUID()}`;
  const createdAt = clock.nowIso();
  const envelope = { id, type, version: "v2", createdAt, test: mode === "test", data };
  return { id, type, mode, createdAt, body: JSON.stringify(envelope), deliveries: [] };
}

export function eventEnvelope(event: EventRecord): Record<string, unknown> {
  return JSON.parse(event.body) as Record<string, unknown>;
}

/** `GET /webhooks/events/{id}`: the envelope plus `deliveries` (spec §5.1 "Delivery log"). */
export function eventDetailView(
  event: EventRecord,
  urlOf: (endpointUuid: string) => string,
): Record<string, unknown> {
  return {
    ...eventEnvelope(event),
    deliveries: event.deliveries.map((d) => ({
      endpointUuid: d.endpointUuid,
      url: urlOf(d.endpointUuid),
      delivered: d.delivered,
      attempts: d.attempts,
    })),
  };
}
