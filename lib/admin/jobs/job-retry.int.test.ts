// The admin's Retry of an outbox job, against a real database: only with a session, only for a
// job that is dead or waiting, and it runs again at once with a fresh round of attempts.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createDispatcher } from "@/lib/outbox/dispatcher";
import { signSession } from "@/lib/admin/session/session-token";

const password = vi.hoisted(() => (process.env.ADMIN_PASSWORD = "admin-password-for-the-tests"));
const { retryOutboxJob } = await import("./job-operations");
const { getDeadJobs } = await import("./job-queries");

const kind = `test-${randomUUID()}`;
afterAll(async () => {
  await db.outboxJob.deleteMany({ where: { kind } });
  await db.$disconnect();
});

const form = (jobId: string) => {
  const data = new FormData();
  data.set("jobId", jobId);
  return data;
};

describe("retrying an outbox job from the admin", () => {
  it("brings a dead job back, listed among the dead until then, and it runs", async () => {
    const job = await db.outboxJob.create({
      data: { key: `${kind}:1`, kind, state: "DEAD", attempts: 8, lastError: "SMTP 535: bad credentials" },
    });
    expect((await getDeadJobs()).map((dead) => dead.id)).toContain(job.id);

    expect(await retryOutboxJob(signSession(password), form(job.id))).toEqual({
      ok: true,
      message: "Queued: it runs again in a moment.",
    });
    expect(await db.outboxJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      state: "PENDING",
      attempts: 0,
    });
    const ran: string[] = [];
    await createDispatcher({ handlers: { [kind]: async (claimed) => void ran.push(claimed.key) } }).runDue();
    expect(ran).toEqual([`${kind}:1`]);
  });

  it("refuses without a session, an unknown id, and a job already done", async () => {
    const done = await db.outboxJob.create({ data: { key: `${kind}:2`, kind, state: "DONE" } });
    expect(await retryOutboxJob(undefined, form(done.id))).toMatchObject({ ok: false, signedOut: true });
    expect(await retryOutboxJob(signSession(password), form("not-a-job"))).toEqual({
      ok: false,
      message: "Unknown job.",
    });
    expect(await retryOutboxJob(signSession(password), form(done.id))).toEqual({
      ok: false,
      message: "This job is running or already done: nothing to retry.",
    });
  });
});
