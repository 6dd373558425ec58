import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    ".vercel/**",
    "dist/**",
    "lib/generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    ".stryker-tmp/**",
    "reports/**",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // lib/env.ts is the only reader of process.env in the app (see design.md).
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts." },
      ],
    },
  },
  {
    // Routes import features, never the reverse: server actions live beside their feature in
    // lib/<feature>/actions.ts, so app/ stays routes only. Tests may import a route to drive it.
    files: ["components/**", "lib/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/**", "**/app/**"],
              message: "Import from lib/ or components/, not app/.",
            },
          ],
        },
      ],
    },
  },
  {
    // Tooling that runs outside the app (launchers, CLIs, test harness, the sandbox) and the env module.
    files: [
      "lib/env.ts",
      "scripts/**",
      "prisma/**",
      "sandbox/main.ts",
      "e2e/**",
      "playwright.config.ts",
      "vitest.config.ts",
      "prisma.config.ts",
      "server.ts",
      "**/*.test.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
]);
