// QBitFlow's webhooks: the only path that fulfils an order. See lib/webhooks/receive-webhook.ts.
import { kick } from "@/lib/background";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";

export async function POST(request: Request): Promise<Response> {
  const response = await receiveWebhook(request);
  // Receipts etc. once answered (Vercel; a no-op beside server.ts's runner). Only after a
  // verified delivery: a refused one (unsigned, rate limited) changed nothing, and must not buy
  // its sender a dispatcher run.
  if (response.ok) kick("jobs-written");
  return response;
}
