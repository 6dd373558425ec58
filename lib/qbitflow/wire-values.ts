// Zod building blocks for QBitFlow's JSON conventions (spec §1.3), shared by every response and
// webhook schema so each convention is decided once.
import { z } from "zod";

// RFC 3339 only: `Date.parse` alone would also accept "2026-10-01 14:30" and other local forms.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

// Go's zero `time.Time` ("0001-01-01T00:00:00Z", in any offset) is how Go encodes "no timestamp".
// (Date.UTC would read year 1 as 1901, hence the parse.)
const GO_ZERO_TIME_MS = Date.parse("0001-01-01T00:00:00Z");

/**
 * Parses an RFC 3339 timestamp (offsets, any number of fraction digits; JavaScript keeps
 * milliseconds). Returns null for Go's zero time, undefined when the text is not RFC 3339.
 */
export function parseTimestamp(text: string): Date | null | undefined {
  if (!RFC3339.test(text)) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return undefined;
  return ms <= GO_ZERO_TIME_MS ? null : new Date(ms);
}

/**
 * An optional timestamp: absent, null, "" and Go's zero time all become null. A value that is
 * present but not RFC 3339 fails the parse: it means the wire format changed, which we want to hear
 * about (as `invalid_response`) rather than silently show "no date".
 */
export const optionalTimestamp = z
  .string()
  .nullish()
  .transform((text, context) => {
    if (text === undefined || text === null || text === "") return null;
    const parsed = parseTimestamp(text);
    if (parsed !== undefined) return parsed;
    context.addIssue({ code: "custom", message: `not an RFC 3339 timestamp: ${text}` });
    return z.NEVER;
  });

/** An optional string where Go's "" means absent, like a missing or null one. */
export const optionalText = z
  .string()
  .nullish()
  .transform((text) => (text === undefined || text === null || text === "" ? null : text));

/** An optional JSON number (USD amounts are JSON numbers, spec §1.3). */
export const optionalNumber = z
  .number()
  .nullish()
  .transform((value) => value ?? null);

/** An optional JSON boolean; absent or null is `false`, the zero value QBitFlow's SDKs decode to. */
export const optionalFlag = z
  .boolean()
  .nullish()
  .transform((value) => value ?? false);

/**
 * A field the starter keeps but never acts on: whatever arrives there (absent, null, or a type
 * we did not expect) decodes to `fallback` instead of refusing the whole answer. QBitFlow's SDKs
 * require nothing they do not need either (spec §12), and a payment must never be refused over
 * a detail.
 */
export function unused<T extends z.ZodType, F>(schema: T, fallback: F) {
  return schema.catch(fallback as z.output<T>);
}
