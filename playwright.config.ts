// End-to-end tests in a real browser against the production build (`npm test` builds it first
// and provides DATABASE_URL). Uses Debian's Chromium when present, Playwright's own otherwise.
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const systemChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  // These machines are shared: the same suite has taken 3 minutes and 6.4 on one machine. The
  // limits are there to end a hung test, not to time a fast one (benchmarks do that).
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: existsSync(systemChromium)
      ? {
          executablePath: systemChromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        }
      : {},
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // `npm start`: the custom server (Next.js + the live WebSocket) on the production build.
    command: "node_modules/.bin/tsx --tsconfig tsconfig.server.json server.ts",
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    env: {
      APP_URL: baseURL,
      PORT: String(port),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ADMIN_PASSWORD: "e2e-admin-password",
      // Every test's browser comes from 127.0.0.1 and leaves orders open: the per-address limit
      // would refuse later tests. The per-cookie limit (each test has its own cookies) stays.
      CHECKOUT_MAX_OPEN_ORDERS_PER_ADDRESS: "100000",
    },
  },
});
