// The store's one outward call: what is written with each change (in its statement, so it
// commits or rolls back with it) and what runs once the changes have committed. The hook lives
// above the store (lib/orders/after-commit.ts: outbox jobs, the live bus, stale catalogue pages)
// and is registered by lib/orders/order-store.ts, the entry every other module imports, so the
// store imports nothing above itself and no write can happen before the hook is in place.
import type { Statement } from "@/lib/sql";
import type { OrderChange } from "@/lib/order-change";

/** Named `x AS (…)` parts and the final SELECT that join the statement making the change. */
export interface WrittenWithChange {
  parts: Statement[];
  select: Statement;
}

export interface ChangeHook {
  writtenWithChange(change: OrderChange): WrittenWithChange;
  /** Runs after the commit; must not throw (the change is already done). */
  afterCommit(changes: readonly OrderChange[]): void;
}

const HOOK = Symbol.for("qbitflow-starter.order-change-hook");
const registry = globalThis as typeof globalThis & { [HOOK]?: ChangeHook };

export function registerChangeHook(hook: ChangeHook): void {
  registry[HOOK] = hook;
}

/** The registered hook; a write without one is a wiring bug, so it fails loudly before writing. */
export function changeHook(): ChangeHook {
  const hook = registry[HOOK];
  if (!hook) {
    throw new Error(
      "the order store has no change hook: import the store from @/lib/orders/order-store, not @/lib/orders/store",
    );
  }
  return hook;
}
