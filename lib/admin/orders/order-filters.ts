// The orders list's query string (status, search, page) and the database filter it means. Pure
// (Prisma types only), so the search rules are unit-tested.
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ORDER_ID_PATTERN } from "@/lib/order-id";

export const ORDER_FILTERS = [
  "all",
  "PENDING",
  "CONFIRMING",
  "PAID",
  "EXPIRED",
  "CANCELLED",
  "review",
  "refunds",
] as const;
export type OrderFilter = (typeof ORDER_FILTERS)[number];

export const PAGE_SIZE = 25;

const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const schema = z.object({
  status: z.preprocess(one, z.enum(ORDER_FILTERS).catch("all")),
  q: z.preprocess(one, z.string().trim().max(200).catch("")),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(10_000).catch(1)),
});

export interface OrderQuery {
  status: OrderFilter;
  q: string;
  page: number;
}

/** Never fails: a bad value falls back to its default, as a hand-edited URL deserves. */
export function parseOrderQuery(params: Record<string, string | string[] | undefined>): OrderQuery {
  return schema.parse({ status: params.status ?? "all", q: params.q ?? "", page: params.page ?? 1 });
}

const SHORT_CODE = /^([0-9A-HJKMNP-TV-Z]{4})-?([0-9A-HJKMNP-TV-Z]{2})$/;

/** One box finds an order by id or short code, email, QBitFlow session id or transaction hash. */
export function searchWhere(q: string): Prisma.OrderWhereInput | undefined {
  if (!q) return undefined;
  const upper = q.toUpperCase();
  const or: Prisma.OrderWhereInput[] = [
    { email: { contains: q, mode: "insensitive" } },
    { qbitflowSessionId: q },
    // Explorers and wallets show hashes in either case.
    { txHash: { equals: q, mode: "insensitive" } },
  ];
  if (ORDER_ID_PATTERN.test(upper)) or.push({ id: upper });
  const code = SHORT_CODE.exec(upper);
  if (code) or.push({ id: { startsWith: `${code[1]}${code[2]}` } });
  return { OR: or };
}

export function statusWhere(status: OrderFilter): Prisma.OrderWhereInput | undefined {
  if (status === "all") return undefined;
  if (status === "review") return { needsReview: true, reviewedAt: null };
  // Customers' requests waiting for the merchant's answer in QBitFlow.
  if (status === "refunds") return { refundStatus: "REQUESTED" };
  return { status };
}

export function orderWhere(query: Pick<OrderQuery, "status" | "q">): Prisma.OrderWhereInput {
  return { AND: [statusWhere(query.status), searchWhere(query.q)].filter((part) => part !== undefined) };
}
