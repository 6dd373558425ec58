// The requests of one run: a signed `payment.completed` per order, built the way QBitFlow sends
// them (lib/test/webhooks.ts), plus redeliveries of randomly chosen events (same body, same
// event id), shuffled in. Signatures are made at send time, so the timestamp is always fresh.
import { randomInt, randomUUID } from "node:crypto";
import { envelope, paymentData, sign } from "../../lib/test/webhooks";
import type { OrderSet } from "./database";

export interface Delivery {
  eventId: string;
  text: string;
  body: Buffer;
  /** A redelivery of an event that is also sent elsewhere in the run. */
  duplicate: boolean;
}

export interface DeliveryPlan {
  deliveries: Delivery[];
  eventIds: string[];
  duplicates: number;
}

/** Total requests = events / (1 − duplicateShare), so duplicateShare of them are redeliveries. */
export function planDeliveries(set: OrderSet, duplicateShare: number): DeliveryPlan {
  const unique: Delivery[] = set.orders.map((order) => {
    const body = envelope("payment.completed", paymentData(order));
    const eventId = (JSON.parse(body) as { id: string }).id;
    return { eventId, text: body, body: Buffer.from(body), duplicate: false };
  });
  const total = Math.round(unique.length / (1 - duplicateShare));
  const deliveries = [...unique];
  for (let i = unique.length; i < total; i++) {
    const original = unique[randomInt(unique.length)]!;
    deliveries.push({ ...original, duplicate: true });
  }
  for (let i = deliveries.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [deliveries[i], deliveries[j]] = [deliveries[j]!, deliveries[i]!];
  }
  return {
    deliveries,
    eventIds: unique.map((delivery) => delivery.eventId),
    duplicates: total - unique.length,
  };
}

export function signatureHeader(delivery: Delivery, secret: string): string {
  return sign(delivery.text, secret, Math.floor(Date.now() / 1000));
}

/**
 * Correctly signed deliveries that the endpoint must refuse before touching the database (a v1
 * envelope: 400 unsupported_version): the cost of HTTP, routing, body, signature and parsing.
 */
export function noDatabaseDeliveries(count: number): Delivery[] {
  return Array.from({ length: count }, () => {
    const order = { id: "0".repeat(26), totalCents: 1999, sessionId: `pay@${randomUUID()}` };
    const text = envelope("payment.completed", paymentData(order), { version: "v1" });
    return { eventId: "", text, body: Buffer.from(text), duplicate: false };
  });
}
