// The doctor's checks of QBitFlow's side: the endpoint registered for this shop, what QBitFlow
// recently tried to deliver to it, and whether our secret is that endpoint's.
import { createHmac } from "node:crypto";
import type { WebhookEndpoint, WebhooksApi } from "@/lib/qbitflow/webhooks-api";
import { describeAttempt } from "./delivery-words";
import type { Check } from "./types";

export function endpointCheck(endpoint: WebhookEndpoint | undefined, webhookUrl: string): Check {
  const title = "Webhook endpoint";
  if (!endpoint) {
    return {
      id: "endpoint",
      title,
      status: "fail",
      detail: `No webhook endpoint is registered for ${webhookUrl}: QBitFlow has nowhere to send payment notifications, so paid orders are only noticed by the sweep.`,
      fix: "Run `npm run qbitflow -- setup` or press Register on the admin's Setup page.",
    };
  }
  if (endpoint.disabledAt) {
    const why =
      endpoint.disabledReason === "failing"
        ? "because its deliveries kept failing for days"
        : endpoint.disabledReason === "owner"
          ? "by someone on your team (in the dashboard or the API)"
          : `(reason: ${endpoint.disabledReason ?? "not given"})`;
    return {
      id: "endpoint",
      title,
      status: "fail",
      detail: `The endpoint for ${webhookUrl} is disabled ${why}, since ${endpoint.disabledAt.toISOString()}. QBitFlow sends it nothing.`,
      fix: "Fix what made deliveries fail (see below), then re-enable it in QBitFlow's dashboard.",
    };
  }
  if (endpoint.failingSince) {
    return {
      id: "endpoint",
      title,
      status: "warn",
      detail: `The endpoint is enabled, but deliveries have been failing since ${endpoint.failingSince.toISOString()}; QBitFlow disables it after 3 days of failures.`,
    };
  }
  return { id: "endpoint", title, status: "ok", detail: `Registered and enabled for ${webhookUrl}.` };
}

export async function deliveriesCheck(api: WebhooksApi, endpoint: WebhookEndpoint): Promise<Check> {
  const title = "Recent deliveries";
  const lines: string[] = [];
  let lastFailed = false;
  for (const { id } of await api.listEvents(20)) {
    const event = await api.getEvent(id);
    const delivery = event.deliveries.find((d) => d.endpointUuid === endpoint.uuid);
    const attempt = delivery?.attempts.at(-1);
    if (!attempt) continue;
    if (lines.length === 0) lastFailed = !attempt.delivered;
    lines.push(`${event.type} (${event.id}): ${describeAttempt(attempt)}`);
    if (lines.length === 5) break;
  }
  if (!lines.length)
    return {
      id: "deliveries",
      title,
      status: "warn",
      detail: "QBitFlow has not sent this endpoint any event yet.",
      fix: "Send a test event from QBitFlow's dashboard, or make a test payment.",
    };
  return {
    id: "deliveries",
    title,
    status: lastFailed ? "fail" : "ok",
    detail: `The last deliveries QBitFlow attempted: ${lines.join("; ")}.`,
    fix: lastFailed
      ? "Fix the cause named above; QBitFlow retries failed deliveries, and the admin's webhook log shows what arrived."
      : undefined,
  };
}

export async function secretCheck(
  secrets: string[],
  endpoint: WebhookEndpoint | undefined,
  api: WebhooksApi | null,
): Promise<Check> {
  const title = "Webhook secret";
  if (!secrets.length) {
    return {
      id: "webhook-secret",
      title,
      status: "fail",
      detail:
        "QBITFLOW_WEBHOOK_SECRET is not set: the webhook route refuses every delivery (500), since it cannot tell QBitFlow from anyone else.",
      fix: "Set it to the whsec_… secret shown when the endpoint was registered.",
    };
  }
  if (!endpoint || !api)
    return {
      id: "webhook-secret",
      title,
      status: "warn",
      detail: "QBITFLOW_WEBHOOK_SECRET is set, but there is no endpoint to compare it with.",
    };
  // Sign a probe the way QBitFlow signs deliveries and ask QBitFlow whether it is the endpoint's.
  const body = JSON.stringify({ probe: "qbitflow-checkout-starter doctor", at: new Date().toISOString() });
  const t = Math.floor(Date.now() / 1000);
  for (const [index, secret] of secrets.entries()) {
    const signature = `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
    if (await api.verifySignature(endpoint.uuid, body, signature)) {
      const note =
        index > 0 ? ` (the ${index + 1}th in the list; drop the others once a rotation is over)` : "";
      return {
        id: "webhook-secret",
        title,
        status: "ok",
        detail: `QBITFLOW_WEBHOOK_SECRET matches the endpoint's signing secret${note}.`,
      };
    }
  }
  return {
    id: "webhook-secret",
    title,
    status: "fail",
    detail:
      "QBITFLOW_WEBHOOK_SECRET does not match the endpoint's signing secret: every delivery will be refused with 400.",
    fix: "Copy the endpoint's secret again (or rotate it in QBitFlow's dashboard) and set it.",
  };
}
