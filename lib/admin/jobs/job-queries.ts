// Reads of the outbox for the admin: an order's jobs, and the dead ones across orders.
import "server-only";
import { db } from "@/lib/db";
import type { OutboxJob } from "@/lib/generated/prisma/client";

export type AdminJob = Pick<
  OutboxJob,
  | "id"
  | "key"
  | "kind"
  | "orderId"
  | "state"
  | "attempts"
  | "runAt"
  | "lastError"
  | "outcome"
  | "doneAt"
  | "updatedAt"
>;

const select = {
  id: true,
  key: true,
  kind: true,
  orderId: true,
  state: true,
  attempts: true,
  runAt: true,
  lastError: true,
  outcome: true,
  doneAt: true,
  updatedAt: true,
} as const;

export function getOrderJobs(orderId: string): Promise<AdminJob[]> {
  return db.outboxJob.findMany({ where: { orderId }, orderBy: { createdAt: "asc" }, select });
}

/** The newest dead jobs first: each needs a person (fix the cause, then Retry). */
export function getDeadJobs(limit = 100): Promise<AdminJob[]> {
  return db.outboxJob.findMany({
    where: { state: "DEAD" },
    orderBy: { updatedAt: "desc" },
    take: limit,
    select,
  });
}
