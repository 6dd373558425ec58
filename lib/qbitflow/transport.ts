// One HTTP exchange with QBitFlow v2 and its retries (spec §1.2, §1.4, §1.7). Turns every outcome
// into either a value parsed by the caller's zod schema or a QBitFlowError; nothing else escapes.
import "server-only";
import type { z } from "zod";
import { errorFromResponse, QBitFlowError } from "./errors";
import { MAX_RETRY_WAIT_MS, mayRetry, retryDelayMs, type RetryMode } from "./retry-policy";

export interface TransportConfig {
  /** e.g. https://api.qbitflow.app/v2, without a trailing slash. */
  baseUrl: string;
  apiKey: string;
  fetch: typeof globalThis.fetch;
  sleep: (ms: number) => Promise<void>;
  timeoutMs: number;
  maxRetries: number;
  userAgent: string;
  now: () => number;
}

export interface RequestSpec<T> {
  method: "GET" | "POST";
  /** Starts with "/", already encoded. */
  path: string;
  body?: unknown;
  retry: RetryMode;
  idempotencyKey?: string;
  requestId?: string;
  schema: z.ZodType<T, unknown>;
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: QBitFlowError; retryAfter: string | null };

export async function send<T>(config: TransportConfig, spec: RequestSpec<T>): Promise<T> {
  for (let retryIndex = 0; ; retryIndex++) {
    const outcome = await attempt(config, spec);
    if (outcome.ok) return outcome.value;
    const { error } = outcome;
    if (retryIndex >= config.maxRetries || !mayRetry(error, spec.retry)) throw error;
    const delay = retryDelayMs(error, retryIndex, outcome.retryAfter, config.now());
    if (delay > MAX_RETRY_WAIT_MS) throw error;
    await config.sleep(delay);
  }
}

async function attempt<T>(config: TransportConfig, spec: RequestSpec<T>): Promise<Attempt<T>> {
  const headers: Record<string, string> = {
    "X-API-Key": config.apiKey,
    Accept: "application/json",
    "User-Agent": config.userAgent,
  };
  // v2 SDKs send Content-Type only with a body; the Idempotency-Key is the same on every retry.
  if (spec.body !== undefined) headers["Content-Type"] = "application/json";
  if (spec.idempotencyKey !== undefined) headers["Idempotency-Key"] = spec.idempotencyKey;
  if (spec.requestId !== undefined) headers["X-Request-Id"] = spec.requestId;

  let response: Response;
  let text: string;
  try {
    response = await config.fetch(`${config.baseUrl}${spec.path}`, {
      method: spec.method,
      headers,
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      // v2 never redirects; following one could replay a POST or send the key to another host.
      redirect: "manual",
      // Covers the body download too, so a server that stalls mid-answer also times out.
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    text = await response.text();
  } catch (cause) {
    return {
      ok: false,
      error: noAnswerError(`QBitFlow ${spec.method} ${spec.path}`, config.timeoutMs, cause),
      retryAfter: null,
    };
  }

  const headerRequestId = response.headers.get("x-request-id");
  const { status } = response;
  if (status >= 300 && status < 400) {
    const location = response.headers.get("location") ?? "nowhere";
    const error = new QBitFlowError({
      message: `QBitFlow ${spec.method} ${spec.path} answered ${status} (redirect to ${location}); the API base URL is probably wrong`,
      status,
      code: "unexpected_redirect",
      requestId: headerRequestId,
    });
    return { ok: false, error, retryAfter: null };
  }
  if (status < 200 || status >= 300) {
    const error = errorFromResponse(status, text, headerRequestId);
    return { ok: false, error, retryAfter: response.headers.get("retry-after") };
  }

  const parsed = parseBody(text, spec.schema);
  if (parsed.ok) return parsed;
  const error = new QBitFlowError({
    message: `QBitFlow ${spec.method} ${spec.path} answered ${status} with an unexpected body: ${parsed.problem}`,
    status,
    code: "invalid_response",
    requestId: headerRequestId,
    cause: parsed.cause,
  });
  return { ok: false, error, retryAfter: null };
}

function parseBody<T>(
  text: string,
  schema: z.ZodType<T, unknown>,
): { ok: true; value: T } | { ok: false; problem: string; cause: unknown } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    return { ok: false, problem: "not JSON", cause };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const problem = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
  return { ok: false, problem, cause: result.error };
}

function noAnswerError(where: string, timeoutMs: number, cause: unknown): QBitFlowError {
  // AbortSignal.timeout() rejects with a DOMException named "TimeoutError".
  if (cause instanceof Error && cause.name === "TimeoutError") {
    return new QBitFlowError({
      message: `${where}: no answer within ${timeoutMs} ms`,
      status: 0,
      code: "timeout",
      retryable: true,
      cause,
    });
  }
  // undici hides the socket error (ECONNREFUSED, ECONNRESET…) in `cause`.
  const inner = cause instanceof Error && cause.cause instanceof Error ? `: ${cause.cause.message}` : "";
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new QBitFlowError({
    message: `${where}: network error (${reason}${inner})`,
    status: 0,
    code: "network_error",
    retryable: true,
    cause,
  });
}
