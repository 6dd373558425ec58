import { describe, expect, it } from "vitest";
import { checkBuildEnv, EnvError, parseEnv } from "./env";

const valid = { DATABASE_URL: "postgresql://postgres:postgres@127.0.0.1:5432/shop" };

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error("expected parseEnv to reject the configuration");
}

describe("parseEnv", () => {
  it("fills in the defaults for a minimal configuration", () => {
    const env = parseEnv(valid);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.QBITFLOW_API_URL).toBe("https://api.qbitflow.app/v2");
    expect(env.CHECKOUT_EXPIRES_IN_MINUTES).toBe(30);
    expect(env.LIVE_BUS).toBe("postgres");
    expect(env.QBITFLOW_API_KEY).toBeUndefined();
    expect(env.QBITFLOW_WEBHOOK_SECRET).toBeUndefined();
  });

  it("names a missing DATABASE_URL on one line", () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Invalid environment variable DATABASE_URL: is required/);
  });

  it.each([
    ["DATABASE_URL", "mysql://localhost/shop", /postgres/],
    ["APP_URL", "localhost:3000", /absolute http\(s\) URL/],
    ["QBITFLOW_API_URL", "ftp://api.example.com", /absolute http\(s\) URL/],
    ["QBITFLOW_API_KEY", "pk_live_123", /sk_/],
    ["QBITFLOW_WEBHOOK_SECRET", "secret_without_prefix", /whsec_/],
    ["CHECKOUT_EXPIRES_IN_MINUTES", "5", /at least 10/],
    ["CHECKOUT_EXPIRES_IN_MINUTES", "2000", /at most 1440/],
    ["CHECKOUT_EXPIRES_IN_MINUTES", "soon", /whole number/],
    ["CRON_SECRET", "short", /at least 16/],
    ["LIVE_BUS", "redis", /"postgres" or "memory"/],
    ["ADMIN_PASSWORD", "hunter2", /at least 12/],
    ["SWEEP_INTERVAL_MINUTES", "-1", /0 \(off\) or more/],
    ["SWEEP_INTERVAL_MINUTES", "often", /whole number/],
    ["DATABASE_POOL_MAX", "0", /at least 1/],
    ["DATABASE_POOL_MAX", "500", /at most 100/],
  ])("rejects a malformed %s (%s) and names it", (name, value, reason) => {
    const problems = problemsOf({ ...valid, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`Invalid environment variable ${name}:`);
    expect(problems[0]).toMatch(reason);
  });

  it("lists every bad variable, one per line", () => {
    const problems = problemsOf({ APP_URL: "nope", CRON_SECRET: "x" });
    expect(problems.map((line) => line.split(":")[0])).toEqual([
      "Invalid environment variable DATABASE_URL",
      "Invalid environment variable APP_URL",
      "Invalid environment variable CRON_SECRET",
    ]);
  });

  it("splits several webhook secrets for rotation and trims URLs", () => {
    const env = parseEnv({
      ...valid,
      QBITFLOW_WEBHOOK_SECRET: "whsec_new, whsec_old",
      APP_URL: "https://shop.example.com/",
      QBITFLOW_API_KEY: "sk_01a0_test_abc",
    });
    expect(env.QBITFLOW_WEBHOOK_SECRET).toEqual(["whsec_new", "whsec_old"]);
    expect(env.APP_URL).toBe("https://shop.example.com");
    expect(env.QBITFLOW_API_KEY).toBe("sk_01a0_test_abc");
  });

  it("treats an empty value as unset", () => {
    const env = parseEnv({ ...valid, QBITFLOW_API_KEY: "", ADMIN_PASSWORD: "  " });
    expect(env.QBITFLOW_API_KEY).toBeUndefined();
    expect(env.ADMIN_PASSWORD).toBeUndefined();
  });
});

describe("production requirements", () => {
  const production = { ...valid, NODE_ENV: "production" };

  it("names every variable a production server cannot take payments without, one line each", () => {
    expect(problemsOf(production)).toEqual([
      expect.stringMatching(/^Invalid environment variable APP_URL: is required in production/),
      expect.stringMatching(/^Invalid environment variable QBITFLOW_API_KEY: is required in production/),
    ]);
    expect(problemsOf({ NODE_ENV: "production" })).toHaveLength(3);
  });

  it("starts with them set; the webhook secret, cron secret and admin password stay optional", () => {
    const env = parseEnv({
      ...production,
      APP_URL: "https://shop.example.com",
      QBITFLOW_API_KEY: "sk_1_live_x",
    });
    expect(env.QBITFLOW_WEBHOOK_SECRET).toBeUndefined();
    expect(env.SWEEP_INTERVAL_MINUTES).toBe(5);
  });

  it("reports a malformed value once, not also as missing", () => {
    const problems = problemsOf({ ...production, APP_URL: "shop", QBITFLOW_API_KEY: "sk_1_live_x" });
    expect(problems).toEqual([
      expect.stringMatching(/^Invalid environment variable APP_URL: must be an absolute/),
    ]);
  });

  it("takes the public URL from Vercel's system variables when APP_URL is unset", () => {
    const vercel = { ...production, QBITFLOW_API_KEY: "sk_1_live_x", VERCEL: "1" };
    const live = { ...vercel, VERCEL_ENV: "production", VERCEL_PROJECT_PRODUCTION_URL: "shop.vercel.app" };
    expect(parseEnv(live).APP_URL).toBe("https://shop.vercel.app");
    const preview = { ...vercel, VERCEL_ENV: "preview", VERCEL_URL: "shop-git-x.vercel.app" };
    expect(parseEnv(preview).APP_URL).toBe("https://shop-git-x.vercel.app");
    expect(parseEnv({ ...live, APP_URL: "https://shop.example.com" }).APP_URL).toBe(
      "https://shop.example.com",
    );
  });
});

describe("checkBuildEnv", () => {
  it("requires nothing: a build needs no database and no secrets", () => {
    expect(checkBuildEnv({ NODE_ENV: "production" })).toEqual([]);
  });

  it("still names a malformed value, one line per variable", () => {
    expect(checkBuildEnv({ DATABASE_URL: "mysql://x", CRON_SECRET: "short" })).toEqual([
      expect.stringMatching(/^Invalid environment variable DATABASE_URL: must be a postgres/),
      expect.stringMatching(/^Invalid environment variable CRON_SECRET: must be at least 16/),
    ]);
  });
});
