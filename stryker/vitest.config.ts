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
    exclude: ["**/*.int.test.ts", "**/*.sandbox.test.ts", "node_modules/**"],
  },
});
