// The webhook inbox's query string and the filter it means. Pure, like order-filters.ts.
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";

export const DELIVERY_FILTERS = ["all", "verified", "rejected", "failed", "unmatched"] as const;
export type DeliveryFilter = (typeof DELIVERY_FILTERS)[number];

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const schema = z.object({
  show: z.preprocess(one, z.enum(DELIVERY_FILTERS).catch("all")),
  q: z.preprocess(one, z.string().trim().max(200).catch("")),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(10_000).catch(1)),
});

export interface DeliveryQuery {
  show: DeliveryFilter;
  q: string;
  page: number;
}

export function parseDeliveryQuery(params: Record<string, string | string[] | undefined>): DeliveryQuery {
  return schema.parse({ show: params.show ?? "all", q: params.q ?? "", page: params.page ?? 1 });
}

const SHOW: Record<DeliveryFilter, Prisma.WebhookDeliveryWhereInput | undefined> = {
  all: undefined,
  verified: { signatureValid: true },
  rejected: { outcome: "REJECTED" },
  failed: { outcome: "FAILED" },
  unmatched: { webhookEvent: { unmatched: true } },
};

export function deliveryWhere(query: Pick<DeliveryQuery, "show" | "q">): Prisma.WebhookDeliveryWhereInput {
  const search: Prisma.WebhookDeliveryWhereInput | undefined = query.q
    ? {
        OR: [
          { eventId: query.q },
          { eventType: query.q },
          { webhookEvent: { orderId: query.q.toUpperCase() } },
        ],
      }
    : undefined;
  return { AND: [SHOW[query.show], search].filter((part) => part !== undefined) };
}
