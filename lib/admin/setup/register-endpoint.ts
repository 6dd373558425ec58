// `npm run qbitflow -- setup` and the Setup page's Register button: the webhook endpoint for this
// shop, registered once. Idempotent by URL: QBitFlow would accept a second endpoint for the same
// URL (and then sign every event twice), so we look before we create.
import type { CreatedWebhookEndpoint, WebhookEndpoint, WebhooksApi } from "@/lib/qbitflow/webhooks-api";
import { webhookUrlOf } from "./types";

export type RegisterResult =
  { created: true; endpoint: CreatedWebhookEndpoint } | { created: false; endpoint: WebhookEndpoint };

export class RegisterRefused extends Error {
  name = "RegisterRefused";
}

export async function ensureWebhookEndpoint(
  api: WebhooksApi,
  appUrl: string,
  liveKey: boolean,
): Promise<RegisterResult> {
  const url = webhookUrlOf(appUrl);
  if (liveKey && !url.startsWith("https://")) {
    throw new RegisterRefused(
      `A live key needs an https APP_URL (QBitFlow delivers live events only to https); APP_URL is ${appUrl}.`,
    );
  }
  const existing = (await api.listEndpoints()).find((endpoint) => endpoint.url === url);
  if (existing) return { created: false, endpoint: existing };
  return {
    created: true,
    endpoint: await api.createEndpoint(url, "qbitflow-checkout-starter (npm run qbitflow -- setup)"),
  };
}
