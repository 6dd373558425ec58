// How a job enters the outbox: as a named part of the statement that makes the change causing it
// (lib/orders/after-commit.ts folds it in), so the job commits or rolls back with the change and
// the webhook's hot path keeps its round trips. The key is unique for ever: a change that repeats
// (a duplicate webhook, a replay) writes nothing the second time.
import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Statement } from "@/lib/sql";

export interface NewJob {
  /** Stable per piece of work, e.g. "receipt:<orderId>"; handlers pass it on for deduplication. */
  key: string;
  /** Which handler runs it (one per notification: lib/notifications). */
  kind: string;
  orderId?: string | null;
  payload?: Record<string, unknown>;
}

const KEY_PATTERN = /^[\w.:@-]{1,200}$/;

/** Throws on a key that could not travel as a Message-ID or header: a bug, caught by unit tests. */
export function checkJobKey(key: string): string {
  if (!KEY_PATTERN.test(key)) {
    throw new Error(`outbox job key "${key}" must be 1-200 characters of letters, digits, _ . : @ -`);
  }
  return key;
}

/** `"<name>" AS (INSERT … ON CONFLICT DO NOTHING)`: one job, written once, due at `now`. */
export function jobWrittenWith(name: string, job: NewJob, now: Date = new Date()): Statement {
  if (!/^\w+$/.test(name)) throw new Error(`statement part name "${name}" must be a plain identifier`);
  return Prisma.sql`${Prisma.raw(`"${name}"`)} AS (
    INSERT INTO "OutboxJob" ("id", "key", "kind", "orderId", "payload", "runAt", "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${checkJobKey(job.key)}, ${job.kind}, ${job.orderId ?? null}::text,
            ${JSON.stringify(job.payload ?? {})}::jsonb, ${now}, ${now}, ${now})
    ON CONFLICT ("key") DO NOTHING)`;
}
