// What the delivery log keeps of a request, apart from the database: the headers (bounded, with
// anything that looks like a credential redacted), the event id and type the body claims, and
// an excerpt of a rejected body. Pure, so it is unit-tested without a database.

/** Our answer to a delivery the route refused or could not process. */
export interface DeliveryRejection {
  httpStatus: number;
  errorCode: string;
  reason: string;
  /** Null when the signature was never checked (no secret configured, body too large). */
  signatureValid: boolean | null;
}

export type DeliveryHeaders = Record<string, string>;

// QBitFlow sends none of these; whoever else posts here must not leave secrets in our log.
const REDACTED = new Set(["authorization", "proxy-authorization", "cookie", "x-api-key"]);
// Anyone can POST to the webhook URL, so what one request can make us store is small: a rejected
// delivery costs at most ~4 KiB of headers and 1 KiB of body (issue 13: it was ~28 KB each).
const MAX_HEADERS = 32;
const MAX_VALUE_CHARS = 256;
export const MAX_HEADER_CHARS = 4 * 1024;
export const BODY_EXCERPT_BYTES = 1024;

// Kept first, so padding in other headers cannot push out what the admin needs to diagnose.
const FIRST = ["qbitflow-signature", "content-type", "content-length", "user-agent", "host"];

export function headersForLog(headers: Headers): DeliveryHeaders {
  const kept: DeliveryHeaders = {};
  let budget = MAX_HEADER_CHARS;
  // A FIRST name the request lacks reads as null below and is skipped, like a repeated name.
  const names = [...FIRST, ...headers.keys()];
  for (const name of names) {
    if (Object.keys(kept).length >= MAX_HEADERS) break;
    const value = headers.get(name);
    if (value === null || name in kept) continue;
    const text = REDACTED.has(name) ? "[redacted]" : value.slice(0, MAX_VALUE_CHARS);
    const cost = name.length + text.length;
    if (cost > budget) continue;
    budget -= cost;
    kept[name] = text;
  }
  return kept;
}

/** The first 1 KiB of a body, as text (a cut character becomes U+FFFD). */
export function bodyExcerpt(body: Uint8Array): string {
  return new TextDecoder().decode(body.subarray(0, BODY_EXCERPT_BYTES));
}

/** The `id` and `type` a body names, if it is a JSON object that names them. Not verified. */
export function claimedEvent(body: Uint8Array | null): { eventId: string | null; eventType: string | null } {
  const none = { eventId: null, eventType: null };
  if (!body) return none;
  const json = parseJson(new TextDecoder().decode(body));
  if (typeof json !== "object" || json === null) return none;
  const { id, type } = json as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" && value ? value.slice(0, 200) : null);
  return { eventId: text(id), eventType: text(type) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
