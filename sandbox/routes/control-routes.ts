/**
 * `/sandbox/*`: the control API for tests and for developers at the terminal. Not part of
 * QBitFlow; unauthenticated, so the sandbox binds to 127.0.0.1 by default.
 */
import { z } from "zod";
import { statusView } from "../checkout/views";
import type { SandboxContext } from "../context";
import { conflict, notFound, validationFailed } from "../http/errors";
import { controlRoute } from "../http/handlers";
import type { Router } from "../http/router";
import { emptyState, type EndpointRecord } from "../types";
import { NO_FAULTS, enableEndpoint, rotateSecret } from "../webhooks/endpoints";
import { snapshot } from "./state-snapshot";

const payBody = z.object({
  currencyId: z.number().int().optional(),
  amountUsd: z.number().positive().optional(),
});
const completeBody = payBody.extend({ skipConfirmation: z.boolean().optional() });
const failBody = z.object({
  code: z.string().default("insufficient_funds"),
  message: z.string().max(500).optional(),
});
const faultsBody = z.object({
  dropNext: z.number().int().min(0).optional(),
  duplicate: z.boolean().optional(),
  delayMs: z.number().int().min(0).max(120_000).optional(),
  outOfOrder: z.boolean().optional(),
  corruptSignature: z.boolean().optional(),
  staleTimestamp: z.boolean().optional(),
  clear: z.boolean().optional(),
});
const rotateBody = z.object({
  overlapMs: z.number().min(0).optional(),
  secret: z.string().startsWith("whsec_").optional(),
});
const redeliverBody = z.object({ endpointUuid: z.string().optional() });
const settingsBody = z.object({
  apiLatencyMs: z.number().int().min(0).max(120_000).optional(),
  confirmationDelayMs: z.number().min(0).optional(),
});
const webhookTestBody = z.object({
  endpointUuid: z.string().optional(),
  message: z.string().max(500).optional(),
});

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw validationFailed(
    result.error.issues.map((i) => ({ field: i.path.map(String).join(".") || "body", message: i.message })),
  );
}

export function registerControlRoutes(router: Router, sandbox: SandboxContext): void {
  const { lifecycle, store, clock, config } = sandbox;
  const endpoint = (uuid: string | undefined): EndpointRecord => {
    const found = store.state.endpoints.find((e) => e.uuid === uuid);
    if (!found) throw notFound("webhook endpoint");
    return found;
  };
  const sessionAnswer = (id: string) => {
    const session = lifecycle.get(id);
    const payment = store.state.payments[session.uuid];
    return {
      status: 200,
      body: { session: statusView(session), ...(payment ? { payment: payment.data } : {}) },
    };
  };

  router.add(
    "GET",
    "/sandbox/sessions/:id",
    controlRoute((route) => ({ status: 200, body: lifecycle.get(route.params.id ?? "") })),
  );

  router.add(
    "POST",
    "/sandbox/sessions/:id/pay",
    controlRoute((route, body) => {
      lifecycle.pay(lifecycle.get(route.params.id ?? ""), parse(payBody, body));
      return sessionAnswer(route.params.id ?? "");
    }),
  );

  // Answers once the session is completed: after the (scaled) confirmation delay, or at once.
  router.add(
    "POST",
    "/sandbox/sessions/:id/complete",
    controlRoute(async (route, body) => {
      const { skipConfirmation, ...pay } = parse(completeBody, body);
      const session = lifecycle.get(route.params.id ?? "");
      if (session.status === "expired") throw conflict("conflict", "the checkout has expired");
      if (session.status === "created") {
        lifecycle.pay(session, pay);
        if (!skipConfirmation) await sandbox.timers.sleep(clock.scale(config.confirmationDelayMs));
      }
      lifecycle.confirm(session.uuid);
      return sessionAnswer(session.uuid);
    }),
  );

  router.add(
    "POST",
    "/sandbox/sessions/:id/fail",
    controlRoute((route, body) => {
      const { code, message } = parse(failBody, body);
      lifecycle.fail(lifecycle.get(route.params.id ?? ""), code, message);
      return sessionAnswer(route.params.id ?? "");
    }),
  );

  router.add(
    "POST",
    "/sandbox/sessions/:id/expire",
    controlRoute((route) => {
      lifecycle.expire(lifecycle.get(route.params.id ?? ""), "Expired from the sandbox control API.");
      return sessionAnswer(route.params.id ?? "");
    }),
  );

  router.add(
    "POST",
    "/sandbox/endpoints/:uuid/faults",
    controlRoute((route, body) => {
      const target = endpoint(route.params.uuid);
      const { clear, ...faults } = parse(faultsBody, body);
      target.faults = { ...(clear ? NO_FAULTS : target.faults), ...faults };
      store.changed();
      return { status: 200, body: { endpointUuid: target.uuid, faults: target.faults } };
    }),
  );

  router.add(
    "DELETE",
    "/sandbox/endpoints/:uuid/faults",
    controlRoute((route) => {
      const target = endpoint(route.params.uuid);
      target.faults = { ...NO_FAULTS };
      store.changed();
      return { status: 200, body: { endpointUuid: target.uuid, faults: target.faults } };
    }),
  );

  router.add(
    "POST",
    "/sandbox/endpoints/:uuid/rotate-secret",
    controlRoute((route, body) => {
      const target = endpoint(route.params.uuid);
      const { overlapMs, secret } = parse(rotateBody, body);
      rotateSecret(target, clock, overlapMs ?? config.rotationOverlapMs, secret);
      store.changed();
      return {
        status: 200,
        body: {
          endpointUuid: target.uuid,
          secret: target.secret,
          previousSecretExpiresAt: new Date(target.previousSecret?.expiresAtMs ?? clock.now()).toISOString(),
        },
      };
    }),
  );

  router.add(
    "POST",
    "/sandbox/endpoints/:uuid/enable",
    controlRoute((route) => {
      const target = endpoint(route.params.uuid);
      enableEndpoint(target);
      store.changed();
      return { status: 200, body: { endpointUuid: target.uuid, disabledAt: null } };
    }),
  );

  router.add(
    "POST",
    "/sandbox/events/:id/redeliver",
    controlRoute(async (route, body) => {
      const { endpointUuid } = parse(redeliverBody, body);
      const deliveries = await sandbox.dispatcher.redeliver(route.params.id ?? "", endpointUuid);
      return { status: 200, body: { eventId: route.params.id, deliveries } };
    }),
  );

  router.add(
    "POST",
    "/sandbox/webhook-test",
    controlRoute((_route, body) => {
      const { endpointUuid, message } = parse(webhookTestBody, body);
      const targets = endpointUuid
        ? [endpoint(endpointUuid)]
        : store.state.endpoints.filter((e) => !e.disabledAt);
      const events = targets.map((target) =>
        sandbox.emit(
          "webhook.test",
          { endpointUuid: target.uuid, message: message ?? "Test delivery from the QBitFlow sandbox." },
          target.mode,
          target,
        ),
      );
      return { status: 200, body: { events: events.map((e) => e.id) } };
    }),
  );

  // Runtime knobs, so tests and developers need no restart.
  router.add(
    "POST",
    "/sandbox/settings",
    controlRoute((_route, body) => {
      const input = parse(settingsBody, body);
      if (input.apiLatencyMs !== undefined) config.apiLatencyMs = input.apiLatencyMs;
      if (input.confirmationDelayMs !== undefined) config.confirmationDelayMs = input.confirmationDelayMs;
      return {
        status: 200,
        body: { apiLatencyMs: config.apiLatencyMs, confirmationDelayMs: config.confirmationDelayMs },
      };
    }),
  );

  router.add(
    "GET",
    "/sandbox/state",
    controlRoute(() => ({ status: 200, body: snapshot(sandbox) })),
  );

  // Forgets sessions, payments, events and idempotency records; keeps the endpoints.
  router.add(
    "POST",
    "/sandbox/reset",
    controlRoute(() => {
      const { endpoints } = store.state;
      store.state = { ...emptyState(), endpoints };
      store.changed();
      return { status: 200, body: { ok: true } };
    }),
  );
}
