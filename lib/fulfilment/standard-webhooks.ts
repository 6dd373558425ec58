// Signing the Standard Webhooks way (standardwebhooks.com), so the merchant's endpoint can verify
// with any of its libraries: HMAC-SHA256 over "<id>.<timestamp>.<body>" with the secret's bytes
// (the base64 after "whsec_"), sent as "v1,<base64>". The id is the outbox job's key: the same on
// every retry, so the receiver deduplicates with it.
import { createHmac } from "node:crypto";

export function standardWebhookHeaders(
  secret: string,
  id: string,
  body: string,
  timestamp: number = Math.floor(Date.now() / 1000),
): Record<string, string> {
  if (!secret.startsWith("whsec_")) throw new Error("a Standard Webhooks secret starts with whsec_");
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": `v1,${signature}`,
  };
}
