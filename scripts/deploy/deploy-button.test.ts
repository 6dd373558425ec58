import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";
import { ASKED_VARIABLES, deployButtonMarkdown, deployButtonUrl, PROVIDED_VARIABLES } from "./deploy-button";

const root = path.resolve(import.meta.dirname, "../..");

// What the run-time check refuses to start without on a fresh Vercel production deployment.
function requiredOnVercel(): string[] {
  try {
    parseEnv({ NODE_ENV: "production", VERCEL: "1", VERCEL_ENV: "production" });
    return [];
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    return error.problems.map((line) => /^Invalid environment variable (\w+):/.exec(line)![1]!);
  }
}

describe("the Deploy button", () => {
  const url = new URL(deployButtonUrl());

  it("asks for, or is given, every variable the server requires in production", () => {
    const covered = new Set<string>([...ASKED_VARIABLES.map(([name]) => name), ...PROVIDED_VARIABLES]);
    const required = requiredOnVercel();
    expect(required).toEqual(expect.arrayContaining(["DATABASE_URL", "QBITFLOW_API_KEY"]));
    expect(required.filter((name) => !covered.has(name))).toEqual([]);
  });

  it("describes each variable it asks for and offers a Postgres database", () => {
    const asked = url.searchParams.get("env")!.split(",");
    expect(asked).toEqual(["QBITFLOW_API_KEY", "CRON_SECRET", "ADMIN_PASSWORD"]);
    for (const name of asked) expect(url.searchParams.get("envDescription")).toContain(`${name}:`);
    expect(JSON.parse(url.searchParams.get("products")!)).toEqual([
      expect.objectContaining({ type: "integration", integrationSlug: "neon" }),
    ]);
    expect(url.searchParams.get("repository-url")).toMatch(/^https:\/\/github\.com\//);
  });

  it("is the button in the README", () => {
    expect(readFileSync(path.join(root, "README.md"), "utf8")).toContain(deployButtonMarkdown());
  });
});
