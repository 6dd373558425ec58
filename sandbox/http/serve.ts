/**
 * One HTTP request: its `X-Request-Id` (echoed when valid, generated otherwise), the route, and
 * the v2 error body for anything that goes wrong (404 for no route, 405 with `Allow`).
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, sendError, toApiError } from "./errors";
import type { Router } from "./router";

const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

export async function handleRequest(
  router: Router,
  req: IncomingMessage,
  res: ServerResponse,
  log?: (line: string) => void,
): Promise<void> {
  const given = req.headers["x-request-id"];
  const requestId = typeof given === "string" && REQUEST_ID.test(given) ? given : `req_${randomUUID()}`;
  res.setHeader("X-Request-Id", requestId);
  const method = req.method ?? "GET";
  const url = new URL(req.url ?? "/", "http://sandbox");
  if (log) res.on("finish", () => log(`${method} ${url.pathname} → ${res.statusCode}`));
  try {
    const match = router.match(method, url.pathname);
    if (match.kind === "none") throw new ApiError(404, "not_found", `no route for ${method} ${url.pathname}`);
    if (match.kind === "method") {
      throw new ApiError(
        405,
        "method_not_allowed",
        `${method} is not allowed here`,
        {},
        { Allow: match.allowed.join(", ") },
      );
    }
    await match.handler({ req, res, params: match.params, query: url.searchParams, requestId });
  } catch (error) {
    sendError(res, toApiError(error), requestId);
  }
}
