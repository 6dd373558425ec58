// What a delivery attempt's outcome means for the merchant, in words (the doctor and the Setup
// page). QBitFlow records the status our server answered, or the connection error.
import type { DeliveryAttempt } from "@/lib/qbitflow/webhooks-api";

export function describeAttempt(attempt: DeliveryAttempt): string {
  if (attempt.skipped) return "skipped: the endpoint was disabled";
  if (attempt.delivered) return `delivered (your server answered ${attempt.statusCode ?? "2xx"})`;
  const status = attempt.statusCode;
  if (status === 400 || status === 401 || status === 403) {
    return `refused by your server (${status}): the signature did not verify, so QBITFLOW_WEBHOOK_SECRET is probably not this endpoint's secret`;
  }
  if (status === 404 || status === 405) {
    return `your server answered ${status}: nothing at that address takes webhooks (check APP_URL and that this version of the shop is deployed)`;
  }
  if (status === 413) return "your server answered 413: the event was larger than it accepts";
  if (status !== null && status !== undefined && status >= 500) {
    return `your server failed (${status}) while handling it; QBitFlow retries, and the shop's logs say why (e.g. QBITFLOW_WEBHOOK_SECRET unset, database down)`;
  }
  if (status !== null && status !== undefined && status >= 300 && status < 400) {
    return `your server redirected (${status}); QBitFlow does not follow redirects: register the final URL (https, exact host)`;
  }
  if (attempt.error) return `QBitFlow could not reach your server: ${attempt.error}`;
  return `not delivered (${status ?? "no answer"})`;
}
