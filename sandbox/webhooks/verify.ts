/**
 * Server-side signature check for `POST /webhooks/verify`, following the parsing rules of
 * spec §5.1 (first `=` splits, trimmed parts, exactly one numeric `t`, any matching `v1`).
 */
import { timingSafeEqual } from "node:crypto";
import { computeSignature } from "./signature";

export type VerifyResult =
  | { ok: true }
  | {
      ok: false;
      reason: "missingHeader" | "malformedHeader" | "timestampOutsideTolerance" | "noMatchingSignature";
    };

const INT64_MAX = 9_223_372_036_854_775_807n;
export const DEFAULT_TOLERANCE_S = 300;

export function verifySignature(
  body: string | Buffer,
  header: string,
  secrets: string[],
  nowSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_S,
): VerifyResult {
  if (header.trim() === "") return { ok: false, reason: "missingHeader" };
  const timestamps: string[] = [];
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === "t") timestamps.push(value);
    else if (key === "v1") signatures.push(value);
  }
  const t = timestamps[0];
  if (
    timestamps.length !== 1 ||
    t === undefined ||
    !/^[0-9]+$/.test(t) ||
    BigInt(t) > INT64_MAX ||
    signatures.length === 0
  ) {
    return { ok: false, reason: "malformedHeader" };
  }
  const tolerance = toleranceSeconds > 0 ? toleranceSeconds : DEFAULT_TOLERANCE_S;
  if (Math.abs(nowSeconds - Number(BigInt(t))) > tolerance)
    return { ok: false, reason: "timestampOutsideTolerance" };
  for (const secret of secrets) {
    const expected = Buffer.from(computeSignature(secret, t, body), "utf8");
    for (const candidate of signatures) {
      const given = Buffer.from(candidate, "utf8");
      if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true };
    }
  }
  return { ok: false, reason: "noMatchingSignature" };
}
