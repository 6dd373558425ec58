// POST /api/webhooks/qbitflow, apart from the route file: size limit, signature, envelope,
// inbox. Answers 2xx only for what QBitFlow must not send again; 4xx for deliveries that can
// never succeed; 5xx for failures that may pass, so QBitFlow retries. Every verified delivery
// leaves one row in the delivery log; rejections are bounded (delivery-log.ts: repeats counted,
// not stored; rejection-limit.ts: past 30 a minute from one source, 429 and nothing written).
import "server-only";
import { clientAddress } from "@/lib/client-address";
import { getEnv } from "@/lib/env";
import { parseWebhookEvent, verifyWebhookSignature, type WebhookSignatureFailure } from "@/lib/qbitflow";
import { logRejectedDelivery } from "./delivery-log";
import { headersForLog, type DeliveryHeaders } from "./delivery-record";
import { receiveWebhookEvent } from "./inbox";
import { readBodyWithLimit } from "./read-body";
import { RejectionLimiter } from "./rejection-limit";

const rejections = new RejectionLimiter();

/** QBitFlow's own limit for a webhook body (spec §5.1). */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

const SIGNATURE_CODES: Record<WebhookSignatureFailure, string> = {
  missingHeader: "missing_signature",
  malformedHeader: "malformed_signature",
  timestampOutsideTolerance: "timestamp_outside_tolerance",
  noMatchingSignature: "invalid_signature",
};

// For the merchant reading the delivery log: what to check for each failure.
const SIGNATURE_REASONS: Record<WebhookSignatureFailure, string> = {
  missingHeader: "No QBitFlow-Signature header.",
  malformedHeader: "The QBitFlow-Signature header is not in the t=…,v1=… form.",
  timestampOutsideTolerance:
    "The signature's timestamp is more than 300 s away from our clock (a replayed request, or a clock off).",
  noMatchingSignature:
    "No v1 signature matches a configured secret (a wrong or rotated QBITFLOW_WEBHOOK_SECRET, or a changed body).",
};

function answer(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

interface Refusal {
  status: number;
  code: string;
  error: string;
  reason?: string;
  signatureValid: boolean | null;
}

/** Logs the refusal (one statement), then answers it; past the source's limit, only answers. */
async function reject(
  request: { headers: DeliveryHeaders; source: string; limiter: RejectionLimiter },
  body: Uint8Array | null,
  refusal: Refusal,
): Promise<Response> {
  const slot = request.limiter.take(request.source, Date.now());
  if (!slot.allowed) {
    return Response.json(
      { error: "Too many rejected deliveries from this address.", code: "rate_limited" },
      {
        status: 429,
        headers: { "Cache-Control": "no-store", "Retry-After": String(slot.retryAfterSeconds) },
      },
    );
  }
  await logRejectedDelivery(
    request.headers,
    body,
    {
      httpStatus: refusal.status,
      errorCode: refusal.code,
      reason: refusal.reason ?? refusal.error,
      signatureValid: refusal.signatureValid,
    },
    request.source,
  );
  return answer(refusal.status, { error: refusal.error, code: refusal.code });
}

export interface WebhookConfig {
  /** The endpoint's signing secrets; several during a rotation. Undefined: not configured. */
  secrets: string[] | undefined;
  /** Unix seconds; tests pin the clock. */
  now?: number;
  /** The client's address (lib/client-address.ts); tests pass their own. */
  source?: string;
  /** The per-source limit on logged rejections; tests pass their own. */
  limiter?: RejectionLimiter;
}

export async function receiveWebhook(
  request: Request,
  config: WebhookConfig = { secrets: getEnv().QBITFLOW_WEBHOOK_SECRET },
): Promise<Response> {
  const { secrets, now } = config;
  const headers = headersForLog(request.headers);
  const refused = {
    headers,
    source: config.source ?? clientAddress(request.headers),
    limiter: config.limiter ?? rejections,
  };
  if (!secrets?.length) {
    // Never "accept unsigned": without a secret nothing can be verified, so nothing is accepted,
    // and the 5xx keeps QBitFlow retrying until the secret is configured.
    console.error(
      "[webhook] QBITFLOW_WEBHOOK_SECRET is not set: refusing the delivery (QBitFlow will retry)",
    );
    return reject(refused, null, {
      status: 500,
      code: "webhook_secret_missing",
      error: "Webhook signing secret is not configured.",
      reason: "QBITFLOW_WEBHOOK_SECRET is not set, so nothing can be verified.",
      signatureValid: null,
    });
  }

  const body = await readBodyWithLimit(request, MAX_WEBHOOK_BYTES);
  if (body === "too_large") {
    return reject(refused, null, {
      status: 413,
      code: "payload_too_large",
      error: "Body over 1 MiB.",
      signatureValid: null,
    });
  }

  const signature = verifyWebhookSignature({
    header: request.headers.get("qbitflow-signature"),
    rawBody: body,
    secrets,
    now,
  });
  if (!signature.ok) {
    return reject(refused, body, {
      status: 400,
      code: SIGNATURE_CODES[signature.reason],
      error: "Signature verification failed.",
      reason: SIGNATURE_REASONS[signature.reason],
      signatureValid: false,
    });
  }

  const parsed = parseWebhookEvent(body);
  if (!parsed.ok) {
    const code = parsed.reason === "unsupportedVersion" ? "unsupported_version" : "malformed_event";
    return reject(refused, body, { status: 400, code, error: parsed.message, signatureValid: true });
  }

  try {
    const outcome = await receiveWebhookEvent(parsed.event, new TextDecoder().decode(body), { headers });
    return answer(200, { received: true, duplicate: outcome === "duplicate" });
  } catch (error) {
    console.error(`[webhook] processing ${parsed.event.id} failed; QBitFlow will retry:`, error);
    return answer(500, {
      error: "The event could not be processed; it will be retried.",
      code: "processing_failed",
    });
  }
}
