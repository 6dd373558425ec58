// QBitFlow's webhook endpoints and event log (spec §5.1, §8.1): what the going-live assistant
// (lib/admin/setup/) reads and registers. Separate from client.ts because the storefront never needs it.
import "server-only";
import { z } from "zod";
import type { QBitFlowClientOptions } from "./client";
import { send, type RequestSpec, type TransportConfig } from "./transport";
import { optionalText, optionalTimestamp } from "./wire-values";

const endpointSchema = z.object({
  uuid: z.string(),
  url: z.string(),
  disabledAt: optionalTimestamp,
  disabledReason: optionalText,
  failingSince: optionalTimestamp,
  lastDeliveredAt: optionalTimestamp,
});

export type WebhookEndpoint = z.output<typeof endpointSchema>;
export type CreatedWebhookEndpoint = WebhookEndpoint & { secret: string };

const attemptSchema = z.object({
  attempt: z.number().nullish(),
  delivered: z.boolean(),
  statusCode: z.number().nullish(),
  error: optionalText,
  attemptedAt: optionalTimestamp,
  skipped: z.boolean().nullish(),
});

const eventDetailSchema = z.object({
  id: z.string(),
  type: z.string(),
  createdAt: optionalTimestamp,
  deliveries: z
    .array(z.object({ endpointUuid: z.string(), delivered: z.boolean(), attempts: z.array(attemptSchema) }))
    .default([]),
});

export type WebhookEventDetail = z.output<typeof eventDetailSchema>;
export type DeliveryAttempt = z.output<typeof attemptSchema>;

const eventPageSchema = z.object({
  items: z.array(z.object({ id: z.string(), type: z.string() })),
  nextCursor: optionalText,
});

export interface WebhooksApi {
  listEndpoints(): Promise<WebhookEndpoint[]>;
  /** POST /webhooks/endpoints: the answer carries the signing secret, shown this once. */
  createEndpoint(url: string, description: string): Promise<CreatedWebhookEndpoint>;
  /** The newest events first, without their deliveries. */
  listEvents(limit: number): Promise<{ id: string; type: string }[]>;
  getEvent(id: string): Promise<WebhookEventDetail>;
  /** POST /webhooks/verify: does QBitFlow agree this signature is the endpoint's? */
  verifySignature(endpointUuid: string, body: string, signature: string): Promise<boolean>;
}

export function createWebhooksApi(options: QBitFlowClientOptions): WebhooksApi {
  const config: TransportConfig = {
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    apiKey: options.apiKey.trim(),
    fetch: options.fetch ?? globalThis.fetch,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    timeoutMs: options.timeoutMs ?? 15_000,
    maxRetries: options.maxRetries ?? 1,
    userAgent: options.userAgent ?? "qbitflow-checkout-starter/0.1 (setup)",
    now: Date.now,
  };
  const call = <T>(spec: RequestSpec<T>) => send(config, spec);

  return {
    listEndpoints: () =>
      call({ method: "GET", path: "/webhooks/endpoints", retry: "read", schema: z.array(endpointSchema) }),

    createEndpoint: (url, description) =>
      call({
        method: "POST",
        path: "/webhooks/endpoints",
        body: { url, description },
        // Retried under one key: a lost answer must not register the endpoint twice.
        retry: "idempotentCreate",
        idempotencyKey: `endpoint-${Buffer.from(url).toString("base64url").slice(0, 200)}`,
        schema: endpointSchema.extend({ secret: z.string().startsWith("whsec_") }),
      }),

    listEvents: async (limit) =>
      (
        await call({
          method: "GET",
          path: `/webhooks/events?limit=${Math.min(Math.max(limit, 1), 100)}`,
          retry: "read",
          schema: eventPageSchema,
        })
      ).items,

    getEvent: (id) =>
      call({
        method: "GET",
        path: `/webhooks/events/${encodeURIComponent(id)}`,
        retry: "read",
        schema: eventDetailSchema,
      }),

    async verifySignature(endpointUuid, body, signature) {
      try {
        await call({
          method: "POST",
          path: "/webhooks/verify",
          body: { endpointUuid, body, signature },
          retry: "never",
          schema: z.unknown(),
        });
        return true;
      } catch (error) {
        if (error instanceof Error && "code" in error && error.code === "invalid_signature") return false;
        throw error;
      }
    },
  };
}
