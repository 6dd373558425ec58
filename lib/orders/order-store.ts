// The order store as the rest of the shop uses it: lib/orders/store/ with its change hook (the
// after-commit work: outbox jobs, the live bus, stale catalogue pages) registered. Import the
// store from here, never from ./store directly (lib/architecture.test.ts checks it), so no write
// can run without the hook.
import "server-only";
import { orderChangeHook } from "./after-commit";
import { registerChangeHook } from "./store/change-hook";

registerChangeHook(orderChangeHook);

export * from "./store";
