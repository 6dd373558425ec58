import type { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { BatchAwareQueryQueue } from "./pglite-queue";

// A stand-in for PGlite that records the order in which messages reach the backend and whether
// a transaction is open (BEGIN/COMMIT carried as simple queries).
function fakeBackend() {
  const seen: string[] = [];
  let inTransaction = false;
  const db = {
    runExclusive: <T>(work: () => Promise<T>) => work(),
    execProtocolRawStream: async (
      message: Uint8Array,
      { onRawData }: { onRawData: (d: Uint8Array) => void },
    ) => {
      await new Promise((resolve) => setTimeout(resolve, 1)); // a real backend yields too
      const text = new TextDecoder().decode(message);
      seen.push(text);
      if (text.endsWith("BEGIN")) inTransaction = true;
      if (text.endsWith("COMMIT")) inTransaction = false;
      onRawData(new Uint8Array(1));
    },
    isInTransaction: () => inTransaction,
    exec: async () => {
      inTransaction = false;
    },
  };
  return { db: db as unknown as PGlite, seen };
}

/** A protocol message: its type letter, then a label for the test. */
const message = (type: string, label: string) => new TextEncoder().encode(`${type}${label}`);

/** Sends a connection's messages the way the socket handler does: one at a time, awaited. */
async function send(queue: BatchAwareQueryQueue, handlerId: number, messages: Uint8Array[]) {
  for (const item of messages) await queue.enqueue(handlerId, item, () => {});
}

describe("BatchAwareQueryQueue", () => {
  it("never lets another connection's messages into an extended-protocol batch", async () => {
    const { db, seen } = fakeBackend();
    const queue = new BatchAwareQueryQueue(db);
    const batch = (who: string) => ["P", "B", "D", "E", "S"].map((type) => message(type, who));

    await Promise.all([send(queue, 1, batch("a")), send(queue, 2, batch("b")), send(queue, 3, batch("c"))]);

    const owners = seen.map((text) => text.slice(1));
    // Each connection's five messages are contiguous.
    for (const who of ["a", "b", "c"]) {
      const first = owners.indexOf(who);
      expect(owners.slice(first, first + 5)).toEqual(Array(5).fill(who));
    }
  });

  it("keeps the backend for one connection while its transaction is open", async () => {
    const { db, seen } = fakeBackend();
    const queue = new BatchAwareQueryQueue(db);

    await Promise.all([
      send(queue, 1, [
        message("Q", "a BEGIN"),
        message("P", "a"),
        message("S", "a"),
        message("Q", "a COMMIT"),
      ]),
      send(queue, 2, [message("Q", "b SELECT"), message("Q", "b SELECT")]),
    ]);

    const begin = seen.indexOf("Qa BEGIN");
    const commit = seen.indexOf("Qa COMMIT");
    expect(seen.slice(begin, commit + 1).every((text) => text.slice(1).startsWith("a"))).toBe(true);
    expect(seen.filter((text) => text.startsWith("Qb"))).toHaveLength(2);
  });

  it("rolls back and hands the backend on when the owner disconnects mid-transaction", async () => {
    const { db, seen } = fakeBackend();
    const queue = new BatchAwareQueryQueue(db);
    await queue.enqueue(1, message("Q", "a BEGIN"), () => {});
    const waiting = queue.enqueue(2, message("Q", "b SELECT"), () => {});

    await queue.clearTransactionIfNeeded(1);

    await waiting;
    expect(seen).toEqual(["Qa BEGIN", "Qb SELECT"]);
    expect(db.isInTransaction()).toBe(false);
  });
});
