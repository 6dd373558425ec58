// Vitest for mutation testing: the unit tests of the payment core only. No database, no sandbox
// stack (the integration project's globalSetup would start one for every mutant run).
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  root,
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "scripts/test/empty-module.ts"),
    },
  },
  test: {
    include: ["lib/{qbitflow,orders,webhooks,cart}/**/*.test.ts"],
    // The client tests run real HTTP round trips with 50 ms timeouts: they test transport.ts (not
    // mutated) and, on a loaded machine, fail at random, which Stryker would count as kills.
    exclude: ["**/*.int.test.ts", "**/*.sandbox.test.ts", "lib/qbitflow/client-*.test.ts", "node_modules/**"],
  },
});
