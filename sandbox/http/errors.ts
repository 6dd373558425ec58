/** The v2 error body `{error, code, details, requestId}` (spec §1.4) and JSON replies. */
import type { ServerResponse } from "node:http";

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function validationFailed(errors: FieldError[], extra: Record<string, unknown> = {}): ApiError {
  const first = errors[0];
  const message = first ? `${first.field}: ${first.message}` : "validation failed";
  return new ApiError(400, "validation_failed", message, { errors, ...extra });
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, "bad_request", message);
}

export function notFound(what: string): ApiError {
  return new ApiError(404, "not_found", `${what} not found`);
}

export function conflict(code: string, message: string, details: Record<string, unknown> = {}) {
  return new ApiError(409, code, message, details);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    ...(text ? { "Content-Type": "application/json; charset=utf-8" } : {}),
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: ApiError, requestId: string): void {
  sendJson(
    res,
    error.status,
    { error: error.message, code: error.code, details: error.details, requestId },
    error.headers,
  );
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  console.error("[sandbox] internal error:", error);
  return new ApiError(500, "internal", "internal error");
}
