/**
 * Wrappers that turn small functions into routes: `apiRoute` adds `X-API-Key` auth, JSON
 * bodies and (for the documented creates) `Idempotency-Key`; `controlRoute` is the
 * unauthenticated local control API.
 */
import type { SandboxContext } from "../context";
import type { Mode } from "../types";
import { authenticate } from "./auth";
import { parseJsonObject, readBody } from "./body";
import { sendJson } from "./errors";
import { fingerprint, type Answer } from "./idempotency";
import type { Handler, RouteContext } from "./router";

export interface ApiRequest {
  route: RouteContext;
  mode: Mode;
  apiKeyUuid: string;
  body: Record<string, unknown>;
}

export type ApiHandler = (request: ApiRequest) => Promise<Answer> | Answer;

export function apiRoute(
  sandbox: SandboxContext,
  handler: ApiHandler,
  options: { idempotent?: boolean } = {},
): Handler {
  return async (route) => {
    const key = authenticate(route.req.headers["x-api-key"], sandbox.config.apiKeys);
    const raw = await readBody(route.req);
    const hasBody = route.req.method === "POST" || route.req.method === "PUT";
    const body = hasBody ? parseJsonObject(raw) : {};
    const request: ApiRequest = { route, mode: key.mode, apiKeyUuid: key.uuid, body };
    const run = async (): Promise<Answer> => {
      if (sandbox.config.apiLatencyMs > 0) await sandbox.timers.sleep(sandbox.config.apiLatencyMs);
      return handler(request);
    };
    if (!options.idempotent) {
      const answer = await run();
      return sendJson(route.res, answer.status, answer.body);
    }
    const path = new URL(route.req.url ?? "/", "http://x").pathname;
    const print = fingerprint(route.req.method ?? "POST", path, body);
    const answer = await sandbox.idempotency.run(key.mode, route.req.headers["idempotency-key"], print, run);
    sendJson(route.res, answer.status, answer.body, answer.replayed ? { "Idempotent-Replayed": "true" } : {});
  };
}

export type ControlHandler = (route: RouteContext, body: Record<string, unknown>) => Promise<Answer> | Answer;

export function controlRoute(handler: ControlHandler): Handler {
  return async (route) => {
    const body = route.req.method === "GET" ? {} : parseJsonObject(await readBody(route.req));
    const answer = await handler(route, body);
    sendJson(route.res, answer.status, answer.body);
  };
}
