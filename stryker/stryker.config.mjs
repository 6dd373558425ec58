// StrykerJS for the payment core: `npm run test:mutation`. Survivors that are equivalent (no test
// can tell them apart from the original) are listed, with why, in stryker/equivalents.md.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "stryker/vitest.config.ts" },
  coverageAnalysis: "perTest",
  mutate: [
    "lib/qbitflow/webhook-signature.ts",
    "lib/qbitflow/webhook-event.ts",
    "lib/qbitflow/retry-policy.ts",
    "lib/qbitflow/payment.ts",
    "lib/qbitflow/wire-values.ts",
    "lib/orders/transition-rules.ts",
    "lib/orders/refund-rules.ts",
    "lib/orders/refund-failure.ts",
    "lib/qbitflow/refund.ts",
    "lib/orders/order-events.ts",
    "lib/orders/from-qbitflow.ts",
    "lib/webhooks/delivery-record.ts",
    "lib/webhooks/event-handlers.ts",
    "lib/cart/cart-lines.ts",
    "lib/cart/cart-cookie.ts",
  ],
  // The sandbox copy needs sources and configs only.
  ignorePatterns: [".next", ".data", "e2e", "public", "test-results", "playwright-report", "reports"],
  // Incremental: reuse results for mutants whose code and tests did not change. The file lives
  // under reports/ (gitignored): it is a local cache, CI starts from a clean clone and runs all.
  incremental: true,
  incrementalFile: "reports/mutation/incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  // Per-module bar and the survivor list are checked by stryker/run.mjs.
  thresholds: { high: 95, low: 90, break: null },
  concurrency: 2,
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};

export default config;
