// The admin's Setup page and its action: refused without a session; with one, the same checks as
// the CLI on the app's own configuration (the test stack's sandbox and database).
import { afterAll, describe, expect, it, vi } from "vitest";
import { SESSION_COOKIE, signSession } from "@/lib/admin/session/session-token";
import { db } from "@/lib/db";

const password = vi.hoisted(() => {
  // The URL the test stack registered the sandbox's endpoint for (scripts/test/stack-setup.ts).
  process.env.APP_URL ??= "http://localhost:3100";
  return (process.env.ADMIN_PASSWORD = "admin-password-for-the-tests");
});
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string) => jar.set(name, value),
    delete: (name: string) => jar.delete(name),
  }),
  headers: async () => new Headers(),
}));

const { registerEndpoint } = await import("./actions");
const { default: SetupPage } = await import("@/app/admin/(console)/setup/page");
const { runSetupChecks } = await import("./app-setup");

afterAll(() => db.$disconnect());

async function redirectOf(run: () => unknown): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (digest?.startsWith("NEXT_REDIRECT")) return digest.split(";")[2];
    throw error;
  }
  return undefined;
}

describe("the admin's Setup page", () => {
  it("sends a visitor without a session to the login page, and refuses the action", async () => {
    jar.clear();
    expect(await redirectOf(() => SetupPage())).toBe("/admin/login");
    expect(await registerEndpoint(null)).toMatchObject({ ok: false, signedOut: true });
  });

  it("shows the doctor's checks on the app's own configuration", async () => {
    const checks = Object.fromEntries((await runSetupChecks()).map((check) => [check.id, check]));
    expect(checks.key).toMatchObject({ status: "ok" });
    // The test stack registers the sandbox's endpoint for APP_URL with the secret the app has.
    // (Registered and enabled; "warn" when other tests' deliveries failed, nothing listening.)
    expect(["ok", "warn"]).toContain(checks.endpoint!.status);
    expect(checks.endpoint!.detail).toMatch(/enabled/);
    expect(checks["webhook-secret"]).toMatchObject({ status: "ok" });
    expect(checks.database).toMatchObject({ status: "ok", detail: expect.stringContaining("migrated") });
    expect(checks["admin-password"]).toMatchObject({ status: "ok" });
    expect(checks.sweep).toMatchObject({ status: "ok" });
  });

  it("registers nothing twice: the endpoint for APP_URL already exists", async () => {
    jar.set(SESSION_COOKIE, signSession(password));
    const result = await registerEndpoint(null);
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining("already has an endpoint") });
    expect(result.data?.secret).toBeUndefined();
  });
});
