// Verifies `QBitFlow-Signature: t=<unix s>,v1=<hex>[,v1=<hex>]` over the raw body (spec §5.1,
// vectors §9.1). Pure: no I/O, no configuration, the clock is a parameter. No `server-only`
// import so Node tooling (tsx scripts, Playwright) can use it too; `node:crypto` keeps it out of
// browser bundles anyway, and it holds no secret of its own.
import { createHmac, timingSafeEqual } from "node:crypto";

export type WebhookSignatureFailure =
  "missingHeader" | "malformedHeader" | "timestampOutsideTolerance" | "noMatchingSignature";

export type WebhookSignatureResult = { ok: true } | { ok: false; reason: WebhookSignatureFailure };

export interface VerifyWebhookSignatureInput {
  /** The `QBitFlow-Signature` header value (null/undefined when the request had none). */
  header: string | null | undefined;
  /** The body exactly as received: a string is UTF-8 encoded, bytes are used as they are. */
  rawBody: string | Uint8Array;
  /** Every secret currently valid (two while one is being rotated), `whsec_` prefix included. */
  secrets: readonly string[];
  /** Current time in unix seconds. Default: the system clock. */
  now?: number;
  /** Allowed |now − t| in seconds, both directions, inclusive. Zero or negative means 300. */
  toleranceSeconds?: number;
}

export const DEFAULT_TOLERANCE_SECONDS = 300;
const INT64_MAX = 9223372036854775807n;
const DIGITS = /^[0-9]+$/;

interface ParsedHeader {
  /** The timestamp text exactly as sent: leading zeros are part of what was signed. */
  timestampText: string;
  timestamp: bigint;
  signatures: string[];
}

/** Spec §5.1 steps 1–2. Null when the header is malformed. */
function parseHeader(header: string): ParsedHeader | null {
  const timestamps: string[] = [];
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const equals = part.indexOf("=");
    if (equals === -1) continue; // parts without "=" are ignored
    const key = part.slice(0, equals).trim();
    const value = part.slice(equals + 1).trim();
    // Keys are case-sensitive; unknown ones (v0, v2, future schemes) are ignored.
    if (key === "t") timestamps.push(value);
    else if (key === "v1") signatures.push(value);
  }
  const [timestampText] = timestamps;
  if (timestamps.length !== 1 || timestampText === undefined || !DIGITS.test(timestampText)) return null;
  const timestamp = BigInt(timestampText);
  if (timestamp > INT64_MAX || signatures.length === 0) return null;
  return { timestampText, timestamp, signatures };
}

// Strings become bytes as UTF-8 throughout: Node's default for Buffer.from and Hmac.update.
function expectedSignature(secret: string, timestampText: string, body: string | Uint8Array): Buffer {
  // The key is the whole secret's UTF-8 bytes, `whsec_` included; the output is lowercase hex.
  const hex = createHmac("sha256", secret).update(`${timestampText}.`).update(body).digest("hex");
  return Buffer.from(hex);
}

export function verifyWebhookSignature(input: VerifyWebhookSignatureInput): WebhookSignatureResult {
  // Configuration errors throw, before the header is looked at: an empty secret would otherwise
  // make every request fail as "noMatchingSignature" and hide the real problem.
  if (input.secrets.length === 0) throw new TypeError("verifyWebhookSignature: no webhook secret given");
  if (input.secrets.some((secret) => secret.trim() === "")) {
    throw new TypeError("verifyWebhookSignature: a webhook secret is empty");
  }

  const header = input.header?.trim();
  if (!header) return { ok: false, reason: "missingHeader" };
  const parsed = parseHeader(header);
  if (!parsed) return { ok: false, reason: "malformedHeader" };

  // The time check comes before the HMAC: a replayed old request costs no hashing.
  const tolerance =
    input.toleranceSeconds !== undefined &&
    Number.isFinite(input.toleranceSeconds) &&
    input.toleranceSeconds > 0
      ? Math.floor(input.toleranceSeconds)
      : DEFAULT_TOLERANCE_SECONDS;
  const now = BigInt(Math.floor(input.now ?? Date.now() / 1000));
  const age = now - parsed.timestamp;
  if ((age < 0n ? -age : age) > BigInt(tolerance)) return { ok: false, reason: "timestampOutsideTolerance" };

  // Received values are compared as bytes: uppercase hex or a different length never matches.
  const received = parsed.signatures.map((signature) => Buffer.from(signature));
  for (const secret of input.secrets) {
    const expected = expectedSignature(secret, parsed.timestampText, input.rawBody);
    for (const candidate of received) {
      // timingSafeEqual needs equal lengths; the length of a hex digest is no secret.
      if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) return { ok: true };
    }
  }
  return { ok: false, reason: "noMatchingSignature" };
}
