// The only way to change orders: a transaction that remembers what it changed, and hands the
// changes to the after-commit hook once, when (and only if) it committed. Every write function
// of the store takes an OrderTransaction, so no path can change an order and forget the hook.
import "server-only";
import { afterCommit, type OrderChange } from "@/lib/orders/after-commit";
import { transaction, type Transaction } from "@/lib/sql";

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
  const changes: OrderChange[] = [];
  const result = await transaction((tx) =>
    work({ query: (statement) => tx.query(statement), [CHANGES]: changes }),
  );
  afterCommit(changes);
  return result;
}

/** For the store's writers: the change their statement made, for the hook. */
export function recordChange(tx: OrderTransaction, change: OrderChange): void {
  tx[CHANGES].push(change);
}
