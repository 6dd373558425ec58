// QBitFlow's webhooks: the only path that fulfils an order. See lib/webhooks/receive-webhook.ts.
import { after } from "next/server";
import { runDueJobs } from "@/lib/jobs/run-jobs";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";

export function POST(request: Request): Promise<Response> {
  after(() => runDueJobs()); // receipts etc. once answered (Vercel; a no-op beside server.ts's runner)
  return receiveWebhook(request);
}
