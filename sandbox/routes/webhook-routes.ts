/** `/v2/webhooks/*`: endpoints, the event log and remote verification (spec §5.1, §8.1). */
import { z } from "zod";
import type { SandboxContext } from "../context";
import { MAX_ENDPOINTS_PER_MODE } from "../defaults";
import { ApiError, conflict, notFound, validationFailed, type FieldError } from "../http/errors";
import { apiRoute } from "../http/handlers";
import type { Router } from "../http/router";
import type { EndpointRecord, Mode } from "../types";
import {
  buildEndpoint,
  disableEndpoint,
  enableEndpoint,
  endpointView,
  activeSecrets,
} from "../webhooks/endpoints";
import { eventDetailView, eventEnvelope } from "../webhooks/events";
import { verifySignature } from "../webhooks/verify";

export const EVENT_TYPES = [
  "payment.completed",
  "subscription.created",
  "subscription.billed",
  "subscription.statusChanged",
  "subscription.actionRequiredChanged",
  "subscription.billingFailed",
  "subscription.upcomingBill",
  "refund.requested",
  "refund.completed",
  "refund.denied",
  "member.joined",
  "member.removed",
  "heldFunds.released",
  "checkout.expired",
] as const;

const endpointFields = {
  url: z.string().max(2048),
  events: z.array(z.enum(EVENT_TYPES)).max(20),
  includeMembers: z.boolean(),
  description: z.string().max(200, "must be at most 200 characters"),
};
const createSchema = z.object({
  ...endpointFields,
  events: endpointFields.events.optional(),
  includeMembers: endpointFields.includeMembers.optional(),
  description: endpointFields.description.optional(),
});
const updateSchema = createSchema
  .partial()
  .extend({ payloadVersion: z.literal("v2").optional(), enabled: z.boolean().optional() });
const verifySchema = z.object({
  endpointUuid: z.string().min(1),
  body: z.string().min(1, "is required"),
  signature: z.string(),
});

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw validationFailed(
    result.error.issues.map((i) => ({ field: i.path.map(String).join(".") || "body", message: i.message })),
  );
}

/** Live endpoints need https and a public host (spec §5.1); test ones may be local http. */
function checkUrl(url: string, mode: Mode): FieldError[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [{ field: "url", message: "must be an absolute http(s) URL" }];
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    return [{ field: "url", message: "must be an absolute http(s) URL" }];
  if (mode === "live") {
    if (parsed.protocol !== "https:")
      return [{ field: "url", message: "must use https for a live endpoint" }];
    if (/^(localhost|127\.|10\.|192\.168\.|\[::1\])/.test(parsed.host))
      return [{ field: "url", message: "must be a public host for a live endpoint" }];
  }
  return [];
}

export function registerWebhookRoutes(router: Router, sandbox: SandboxContext): void {
  const { store, clock } = sandbox;
  const endpointsOf = (mode: Mode): EndpointRecord[] => store.state.endpoints.filter((e) => e.mode === mode);
  const findEndpoint = (uuid: string, mode: Mode): EndpointRecord => {
    const endpoint = store.state.endpoints.find((e) => e.uuid === uuid.toLowerCase() && e.mode === mode);
    if (!endpoint) throw notFound("webhook endpoint");
    return endpoint;
  };

  router.add(
    "GET",
    "/v2/webhooks/endpoints",
    apiRoute(sandbox, ({ mode }) => ({ status: 200, body: endpointsOf(mode).map(endpointView) })),
  );

  router.add(
    "POST",
    "/v2/webhooks/endpoints",
    apiRoute(
      sandbox,
      ({ body, mode }) => {
        const input = parse(createSchema, body);
        const errors = checkUrl(input.url, mode);
        if (errors.length > 0) throw validationFailed(errors);
        if (endpointsOf(mode).length >= MAX_ENDPOINTS_PER_MODE)
          throw conflict("conflict", `at most ${MAX_ENDPOINTS_PER_MODE} endpoints per space and mode`);
        const endpoint = buildEndpoint({ ...input, mode }, clock);
        store.state.endpoints.push(endpoint);
        store.changed();
        return { status: 201, body: { ...endpointView(endpoint), secret: endpoint.secret } };
      },
      { idempotent: true },
    ),
  );

  router.add(
    "GET",
    "/v2/webhooks/endpoints/:uuid",
    apiRoute(sandbox, ({ route, mode }) => ({
      status: 200,
      body: endpointView(findEndpoint(route.params.uuid ?? "", mode)),
    })),
  );

  router.add(
    "PUT",
    "/v2/webhooks/endpoints/:uuid",
    apiRoute(sandbox, ({ route, mode, body }) => {
      const endpoint = findEndpoint(route.params.uuid ?? "", mode);
      const input = parse(updateSchema, body);
      if (input.url !== undefined) {
        const errors = checkUrl(input.url, mode);
        if (errors.length > 0) throw validationFailed(errors);
        endpoint.url = input.url;
      }
      if (input.events !== undefined) endpoint.events = input.events;
      if (input.includeMembers !== undefined) endpoint.includeMembers = input.includeMembers;
      if (input.description !== undefined) endpoint.description = input.description;
      if (input.enabled === true) enableEndpoint(endpoint);
      if (input.enabled === false && !endpoint.disabledAt) disableEndpoint(endpoint, "owner", clock);
      store.changed();
      return { status: 200, body: endpointView(endpoint) };
    }),
  );

  router.add(
    "DELETE",
    "/v2/webhooks/endpoints/:uuid",
    apiRoute(sandbox, ({ route, mode }) => {
      const endpoint = findEndpoint(route.params.uuid ?? "", mode);
      store.state.endpoints = store.state.endpoints.filter((e) => e !== endpoint);
      store.changed();
      return { status: 204, body: undefined };
    }),
  );

  router.add(
    "GET",
    "/v2/webhooks/events",
    apiRoute(sandbox, ({ route, mode }) => {
      const { limit, cursor, type } = parse(
        z.object({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          cursor: z.string().optional(),
          type: z.string().optional(),
        }),
        Object.fromEntries(route.query),
      );
      const newestFirst = store.state.events
        .filter((e) => e.mode === mode && (!type || e.type === type))
        .reverse();
      let start = 0;
      if (cursor) {
        start = newestFirst.findIndex((e) => e.id === cursor) + 1;
        if (start === 0) throw validationFailed([{ field: "cursor", message: "unknown cursor" }]);
      }
      const page = newestFirst.slice(start, start + limit);
      const more = start + limit < newestFirst.length;
      return {
        status: 200,
        body: { items: page.map(eventEnvelope), nextCursor: more ? (page.at(-1)?.id ?? null) : null },
      };
    }),
  );

  router.add(
    "GET",
    "/v2/webhooks/events/:id",
    apiRoute(sandbox, ({ route, mode }) => {
      const event = store.state.events.find((e) => e.id === route.params.id && e.mode === mode);
      if (!event) throw notFound("event");
      const urlOf = (uuid: string): string => store.state.endpoints.find((e) => e.uuid === uuid)?.url ?? "";
      return { status: 200, body: eventDetailView(event, urlOf) };
    }),
  );

  router.add(
    "POST",
    "/v2/webhooks/verify",
    apiRoute(sandbox, ({ body, mode }) => {
      const input = parse(verifySchema, body);
      if (Buffer.byteLength(input.body) > 1024 * 1024)
        throw validationFailed([{ field: "body", message: "must be at most 1 MiB" }]);
      const endpoint = findEndpoint(input.endpointUuid, mode);
      const result = verifySignature(
        input.body,
        input.signature,
        activeSecrets(endpoint, clock),
        Math.floor(clock.now() / 1000),
      );
      if (!result.ok)
        throw new ApiError(400, "invalid_signature", "the signature does not verify", {
          reason: result.reason,
        });
      return { status: 200, body: { valid: true } };
    }),
  );
}
