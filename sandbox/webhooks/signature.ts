/**
 * The v2 `QBitFlow-Signature` (spec §5.1): lowercase hex HMAC-SHA256, keyed with the UTF-8
 * bytes of the whole `whsec_…` secret, over `t + "." + raw body`.
 */
import { createHmac } from "node:crypto";

export function computeSignature(secret: string, timestamp: string, body: string | Buffer): string {
  return createHmac("sha256", Buffer.from(secret, "utf8"))
    .update(Buffer.from(`${timestamp}.`, "utf8"))
    .update(typeof body === "string" ? Buffer.from(body, "utf8") : body)
    .digest("hex");
}

/** `t=…,v1=…[,v1=…]`: one `v1` per active secret (two during a rotation overlap). */
export function signatureHeader(timestamp: string, signatures: string[]): string {
  return [`t=${timestamp}`, ...signatures.map((s) => `v1=${s}`)].join(",");
}

/** A signature that cannot verify but still looks like one (fault `corruptSignature`). */
export function corruptSignature(signature: string): string {
  const last = signature.at(-1) === "0" ? "1" : "0";
  return `${signature.slice(0, -1)}${last}`;
}
