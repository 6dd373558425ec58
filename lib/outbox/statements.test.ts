// The outbox's SQL names only tables and columns the Prisma schema has (as the order store's
// does, store/schema-agreement.test.ts); a renamed column fails here, not in a dispatcher.
import { describe, expect, it, vi } from "vitest";
import type * as Sql from "@/lib/sql";
import type { Statement, Transaction } from "@/lib/sql";
import { unknownIdentifiers } from "@/lib/test/schema-check";

const sent = vi.hoisted(() => ({ statements: [] as string[] }));
vi.mock("@/lib/sql", async (importOriginal) => {
  const original = await importOriginal<typeof Sql>();
  const recording: Transaction = {
    query: async <Row>(statement: Statement) => {
      sent.statements.push(statement.text);
      return [] as Row[];
    },
  };
  return { ...original, transaction: async <T>(work: (tx: Transaction) => Promise<T>) => work(recording) };
});

const queue = await import("./queue");
const { checkJobKey, jobWrittenWith } = await import("./job-part");

describe("the outbox's statements", () => {
  it("name only what the schema has", async () => {
    const job = { id: "j", key: "k", kind: "receipt", orderId: "o", payload: {}, attempts: 1 };
    await queue.claimDueJobs("w", { kinds: ["receipt"], orderIds: ["o"] }, 4, 60_000);
    await queue.completeJob(job, "w", "sent");
    await queue.failJob(job, "w", "SMTP down", new Date());
    await queue.nextDueAt();
    await queue.retryJob("j");
    sent.statements.push(jobWrittenWith("outbox_job_0", { key: "receipt:o", kind: "receipt" }).text);
    expect(sent.statements).toHaveLength(6);
    for (const text of sent.statements) expect(unknownIdentifiers(text), text).toEqual([]);
  });
});

describe("job keys and part names", () => {
  it("accept what can travel as a Message-ID", () => {
    expect(checkJobKey("merchant-review:01ABC:deadbeef0123")).toBe("merchant-review:01ABC:deadbeef0123");
  });

  it("refuse spaces, angle brackets, empty and overlong keys, naming the key", () => {
    for (const key of ["a b", "<x>", "", "k".repeat(201)]) {
      expect(() => checkJobKey(key)).toThrow(`outbox job key "${key}" must be 1-200 characters`);
    }
    expect(() => jobWrittenWith(`x"; DROP`, { key: "k", kind: "receipt" })).toThrow(
      "must be a plain identifier",
    );
  });
});
