// Which order a QBitFlow event is about: by its reference (our order id), else by session id.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isOrderId } from "./order-id";

export async function findOrderId(
  tx: Prisma.TransactionClient,
  ids: { reference: string | null; sessionId: string | null },
): Promise<string | null> {
  if (isOrderId(ids.reference)) {
    const byReference = await tx.order.findUnique({ where: { id: ids.reference }, select: { id: true } });
    if (byReference) return byReference.id;
  }
  if (ids.sessionId) {
    const bySession = await tx.order.findUnique({
      where: { qbitflowSessionId: ids.sessionId },
      select: { id: true },
    });
    if (bySession) return bySession.id;
  }
  return null;
}
