// QBitFlow's webhooks: the only path that fulfils an order. See lib/webhooks/receive-webhook.ts.
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";

export function POST(request: Request): Promise<Response> {
  return receiveWebhook(request);
}
