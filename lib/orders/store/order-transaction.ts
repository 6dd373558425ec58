// The only way to change orders: a transaction that remembers what it changed, and hands the
// changes to the after-commit hook once, when (and only if) it committed. Every write function
// of the store takes an OrderTransaction, so no path can change an order and forget the hook.
import "server-only";
import { together, transaction, type Statement, type Transaction } from "@/lib/sql";
import { changeHook } from "./change-hook";
import type { OrderChange } from "@/lib/order-change";

const CHANGES = Symbol("order changes");

/** A transaction in which orders may change. */
export interface OrderTransaction extends Transaction {
  readonly [CHANGES]: OrderChange[];
}

/**
 * Runs `work` in one transaction and, after its commit, passes what it changed to the hook.
 * Never call it while a transaction on another connection waits for this one: on PGlite all
 * connections share one backend and would deadlock.
 */
export async function changeOrders<T>(work: (tx: OrderTransaction) => Promise<T>): Promise<T> {
  const hook = changeHook();
  const changes: OrderChange[] = [];
  const result = await transaction((tx) =>
    work({ query: (statement) => tx.query(statement), [CHANGES]: changes }),
  );
  hook.afterCommit(changes);
  return result;
}

/** For the store's writers: the change their statement made, for the hook. */
export function recordChange(tx: OrderTransaction, change: OrderChange): void {
  tx[CHANGES].push(change);
}

/**
 * The one statement assembly of every store writer: the writer's own parts, then what the
 * after-commit hook writes with the change (outbox jobs, the bus's NOTIFY), then the caller's
 * bookkeeping (the webhook inbox's), as one statement; the change is recorded for the hook.
 */
export async function writeChange(
  tx: OrderTransaction,
  change: OrderChange,
  parts: Statement[],
  alongside: Statement[] = [],
): Promise<void> {
  const hook = changeHook().writtenWithChange(change);
  await tx.query(together([...parts, ...hook.parts, ...alongside], hook.select));
  recordChange(tx, change);
}
