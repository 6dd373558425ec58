// The delivery log: one row per POST to the webhook route, so the admin can show what arrived
// and what we answered. A rejected delivery is this one INSERT; a verified delivery's row is
// written by the inbox inside the transaction that processes its event (see inbox.ts).
import "server-only";
import { db } from "@/lib/db";
import { bodyExcerpt, claimedEvent, type DeliveryHeaders, type DeliveryRejection } from "./delivery-record";

/** Never throws: a log that cannot be written must not change what QBitFlow is answered. */
export async function logRejectedDelivery(
  headers: DeliveryHeaders,
  body: Uint8Array | null,
  rejection: DeliveryRejection,
): Promise<void> {
  try {
    await db.webhookDelivery.create({
      data: {
        outcome: "REJECTED",
        signatureValid: rejection.signatureValid,
        httpStatus: rejection.httpStatus,
        errorCode: rejection.errorCode,
        reason: rejection.reason.slice(0, 2000),
        headers,
        bodyExcerpt: body ? bodyExcerpt(body) : null,
        ...claimedEvent(body),
      },
    });
  } catch (error) {
    console.error("[webhook] could not log a rejected delivery:", error);
  }
}
