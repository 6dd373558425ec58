/**
 * An independent implementation of the v2 signature check (spec §5.1 and §9.1), written from
 * the spec without reusing the sandbox's code, so tests catch a bug in either one.
 */
import * as crypto from "node:crypto";

export type Outcome =
  "ok" | "missingHeader" | "malformedHeader" | "timestampOutsideTolerance" | "noMatchingSignature";

export function independentVerify(
  rawBody: Uint8Array | string,
  header: string | undefined,
  secret: string,
  nowSeconds: number,
  tolerance = 300,
): Outcome {
  if (secret === "") throw new Error("secret must not be empty");
  if (header === undefined || header.trim().length === 0) return "missingHeader";
  let t: string | null = null;
  let tCount = 0;
  const sigs: string[] = [];
  for (const rawPart of header.split(",")) {
    const eq = rawPart.indexOf("=");
    if (eq === -1) continue;
    const k = rawPart.substring(0, eq).trim();
    const v = rawPart.substring(eq + 1).trim();
    if (k === "t") {
      tCount++;
      t = v;
    } else if (k === "v1") {
      sigs.push(v);
    }
  }
  if (tCount !== 1 || t === null || !/^\d+$/.test(t) || sigs.length === 0) return "malformedHeader";
  if (BigInt(t) > BigInt("9223372036854775807")) return "malformedHeader";
  const tol = tolerance <= 0 ? 300 : tolerance;
  const diff = BigInt(nowSeconds) - BigInt(t);
  if ((diff < 0n ? -diff : diff) > BigInt(tol)) return "timestampOutsideTolerance";
  const bodyBytes = typeof rawBody === "string" ? new TextEncoder().encode(rawBody) : rawBody;
  const mac = crypto.createHmac("sha256", new TextEncoder().encode(secret));
  mac.update(new TextEncoder().encode(t + "."));
  mac.update(bodyBytes);
  const expected = mac.digest();
  for (const sig of sigs) {
    if (!/^[0-9a-f]{64}$/.test(sig)) continue;
    const given = Buffer.from(sig, "hex");
    if (crypto.timingSafeEqual(given, expected)) return "ok";
  }
  return "noMatchingSignature";
}
