/**
 * Schedules deliveries: one per event and endpoint, retried with the same event id and body
 * along the retry schedule (offsets from the first attempt, scaled), until a 2xx. When the last
 * scheduled attempt fails the endpoint is disabled with `disabledReason: "failing"`.
 */
import type { Clock, Timers } from "../clock";
import { notFound } from "../http/errors";
import type { Store } from "../store";
import type { DeliveryRecord, EndpointRecord, EventRecord } from "../types";
import { disableEndpoint } from "./endpoints";
import { sendEvent } from "./sender";

export interface DispatcherOptions {
  retryScheduleMs: readonly number[];
  deliveryTimeoutMs: number;
  outOfOrderWindowMs: number;
}

export class Dispatcher {
  private readonly running = new Set<string>();
  private readonly heldBack = new Map<string, string[]>();
  private readonly shutdown = new AbortController();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly timers: Timers,
    private readonly options: DispatcherOptions,
    private readonly onChange: () => void,
  ) {}

  /** Records an event and starts delivering it to every matching endpoint (or just `only`). */
  publish(event: EventRecord, only?: EndpointRecord): void {
    this.store.state.events.push(event);
    const targets = only
      ? [only]
      : this.store.state.endpoints.filter(
          (e) =>
            e.mode === event.mode &&
            !e.disabledAt &&
            (e.events.length === 0 || e.events.includes(event.type)),
        );
    for (const endpoint of targets) {
      const delivery: DeliveryRecord = {
        endpointUuid: endpoint.uuid,
        delivered: false,
        state: "pending",
        attempts: [],
        scheduledAttempts: 0,
        firstAttemptAtMs: null,
        nextAttemptAtMs: this.clock.now(),
      };
      event.deliveries.push(delivery);
      if (endpoint.faults.outOfOrder) this.holdBack(endpoint.uuid, event.id);
      else this.arm(event.id, delivery);
    }
    this.changed();
  }

  /** After a restart: every pending delivery gets its timer back. */
  rearmAll(): void {
    for (const event of this.store.state.events) {
      for (const delivery of event.deliveries) {
        if (delivery.state === "pending" && delivery.nextAttemptAtMs !== null) this.arm(event.id, delivery);
      }
    }
  }

  /** A manual resend: one attempt now per delivery (or for one endpoint), outside the schedule. */
  async redeliver(eventId: string, endpointUuid?: string): Promise<DeliveryRecord[]> {
    const event = this.store.state.events.find((e) => e.id === eventId);
    if (!event) throw notFound("event");
    if (endpointUuid && !event.deliveries.some((d) => d.endpointUuid === endpointUuid)) {
      const endpoint = this.endpoint(endpointUuid);
      if (!endpoint || endpoint.mode !== event.mode) throw notFound("webhook endpoint");
      event.deliveries.push({
        endpointUuid,
        delivered: false,
        state: "failed",
        attempts: [],
        scheduledAttempts: 0,
        firstAttemptAtMs: null,
        nextAttemptAtMs: null,
      });
    }
    const deliveries = event.deliveries.filter((d) => !endpointUuid || d.endpointUuid === endpointUuid);
    for (const delivery of deliveries) {
      const endpoint = this.endpoint(delivery.endpointUuid);
      if (!endpoint) continue;
      await this.attempt(event, delivery, endpoint, true);
    }
    this.changed();
    return deliveries;
  }

  close(): void {
    this.shutdown.abort();
  }

  private arm(eventId: string, delivery: DeliveryRecord): void {
    const key = `delivery:${eventId}:${delivery.endpointUuid}`;
    const at = delivery.nextAttemptAtMs ?? this.clock.now();
    this.timers.at(
      key,
      at,
      () => void this.runScheduled(eventId, delivery.endpointUuid),
      () => this.clock.now(),
    );
  }

  private holdBack(endpointUuid: string, eventId: string): void {
    const held = this.heldBack.get(endpointUuid) ?? [];
    held.push(eventId);
    this.heldBack.set(endpointUuid, held);
    if (held.length === 1) {
      this.timers.after(
        `out-of-order:${endpointUuid}`,
        this.options.outOfOrderWindowMs,
        () => void this.flushHeld(endpointUuid),
      );
    }
  }

  /** Sends what was held back, newest first: the receiver sees the events out of order. */
  private async flushHeld(endpointUuid: string): Promise<void> {
    const held = this.heldBack.get(endpointUuid) ?? [];
    this.heldBack.delete(endpointUuid);
    for (const eventId of held.reverse()) await this.runScheduled(eventId, endpointUuid);
  }

  private async runScheduled(eventId: string, endpointUuid: string): Promise<void> {
    const event = this.store.state.events.find((e) => e.id === eventId);
    const delivery = event?.deliveries.find((d) => d.endpointUuid === endpointUuid);
    if (!event || !delivery || delivery.state !== "pending") return;
    const endpoint = this.endpoint(endpointUuid);
    if (!endpoint || endpoint.disabledAt) {
      delivery.attempts.push(
        this.skipped(event, delivery, endpoint ? "endpoint disabled" : "endpoint deleted"),
      );
      this.finish(delivery, "failed");
      return;
    }
    delivery.firstAttemptAtMs ??= this.clock.now();
    delivery.scheduledAttempts += 1;
    const delivered = await this.attempt(event, delivery, endpoint, false);
    if (this.shutdown.signal.aborted) {
      // Interrupted by close(): the attempt did not count; it runs again after a restart.
      delivery.scheduledAttempts -= 1;
      return;
    }
    if (delivered || delivery.state !== "pending") return;
    const schedule = this.options.retryScheduleMs;
    const offset = schedule[delivery.scheduledAttempts];
    if (offset === undefined) {
      this.finish(delivery, "failed");
      disableEndpoint(endpoint, "failing", this.clock);
      this.changed();
      return;
    }
    delivery.nextAttemptAtMs = Math.max(
      this.clock.now(),
      delivery.firstAttemptAtMs + this.clock.scale(offset),
    );
    this.arm(event.id, delivery);
    this.changed();
  }

  private async attempt(
    event: EventRecord,
    delivery: DeliveryRecord,
    endpoint: EndpointRecord,
    manual: boolean,
  ): Promise<boolean> {
    const slot = `${event.id}:${endpoint.uuid}:${manual ? "manual" : "scheduled"}`;
    if (this.running.has(slot)) return false;
    this.running.add(slot);
    try {
      const deps = {
        clock: this.clock,
        timers: this.timers,
        deliveryTimeoutMs: this.options.deliveryTimeoutMs,
        shutdown: this.shutdown.signal,
      };
      const attempts = await sendEvent(deps, event, endpoint, delivery.attempts.length + 1, manual);
      if (this.shutdown.signal.aborted) return false;
      delivery.attempts.push(...attempts);
      const delivered = attempts.some((a) => a.delivered);
      if (delivered) {
        endpoint.lastDeliveredAt = this.clock.nowIso();
        endpoint.failingSince = null;
        this.finish(delivery, "delivered");
      } else {
        endpoint.failingSince ??= this.clock.nowIso();
      }
      this.changed();
      return delivered;
    } finally {
      this.running.delete(slot);
    }
  }

  private finish(delivery: DeliveryRecord, state: "delivered" | "failed"): void {
    if (state === "delivered") delivery.delivered = true;
    // A later manual resend that fails must not undo an earlier success.
    if (delivery.state !== "delivered") delivery.state = state;
    delivery.nextAttemptAtMs = null;
    this.changed();
  }

  private skipped(event: EventRecord, delivery: DeliveryRecord, error: string) {
    return {
      uuid: crypto.randomUUID(),
      eventId: event.id,
      eventType: event.type,
      endpointUuid: delivery.endpointUuid,
      attempt: delivery.attempts.length + 1,
      delivered: false,
      skipped: true,
      statusCode: null,
      error,
      durationMs: 0,
      attemptedAt: this.clock.nowIso(),
    };
  }

  private endpoint(uuid: string): EndpointRecord | undefined {
    return this.store.state.endpoints.find((e) => e.uuid === uuid);
  }

  private changed(): void {
    this.store.changed();
    this.onChange();
  }
}
