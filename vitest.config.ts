import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React's server bundle; tests are server code already.
      "server-only": path.join(root, "scripts/test/empty-module.ts"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: [
            "**/*.int.test.ts",
            "node_modules/**",
            "e2e/**",
            ".next/**",
            ".data/**",
            ".stryker-tmp/**",
            ".vercel/**",
            "dist/**",
          ],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: [
            "node_modules/**",
            "e2e/**",
            ".next/**",
            ".data/**",
            ".stryker-tmp/**",
            ".vercel/**",
            "dist/**",
          ],
          globalSetup: ["scripts/test/stack-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
