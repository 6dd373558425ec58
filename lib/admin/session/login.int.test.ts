// Logging in: the password in constant time, and at most 5 attempts per client per 15 minutes,
// counted in the database.
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { attemptLogin, safeNext } from "./login";
import { verifySession } from "./session-token";

const password = vi.hoisted(() => (process.env.ADMIN_PASSWORD = "admin-password-for-the-tests"));

afterAll(() => db.$disconnect());

const form = (typed: string, next?: string) => {
  const data = new FormData();
  data.set("password", typed);
  if (next) data.set("next", next);
  return data;
};
const client = () => `test-${crypto.randomUUID()}`;

describe("admin login", () => {
  it("the right password gives a signed session and goes where the admin was headed", async () => {
    const result = await attemptLogin(form(password, "/admin/webhooks?show=rejected"), client());
    expect(result).toMatchObject({ ok: true, next: "/admin/webhooks?show=rejected" });
    if (result.ok) expect(verifySession(result.token, password)).toBe(true);
  });

  it("a wrong password is refused", async () => {
    expect(await attemptLogin(form("not-the-password"), client())).toMatchObject({
      ok: false,
      message: "Wrong password.",
    });
    expect(await attemptLogin(form(""), client())).toMatchObject({
      ok: false,
      message: "Enter the admin password.",
    });
  });

  it("after 5 attempts the client is refused, even with the right password; others are not", async () => {
    const attacker = client();
    for (let i = 0; i < 5; i++) {
      expect(await attemptLogin(form(`guess-${i}`), attacker)).toMatchObject({ message: "Wrong password." });
    }
    expect(await attemptLogin(form(password), attacker)).toMatchObject({
      ok: false,
      message: "Too many attempts. Try again in 15 minutes.",
    });
    expect(await attemptLogin(form(password), client())).toMatchObject({ ok: true });
  });

  it("parallel guesses cannot slip past the limit", async () => {
    const attacker = client();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => attemptLogin(form(`guess-${i}`), attacker)),
    );
    expect(results.filter((result) => !result.ok && result.message === "Wrong password.")).toHaveLength(5);
  });

  it("a successful login starts the count again", async () => {
    const admin = client();
    for (let i = 0; i < 4; i++) await attemptLogin(form("typo"), admin);
    expect(await attemptLogin(form(password), admin)).toMatchObject({ ok: true });
    expect(await db.adminLoginAttempt.findUnique({ where: { key: admin } })).toBeNull();
    for (let i = 0; i < 4; i++) await attemptLogin(form("typo"), admin);
    expect(await attemptLogin(form(password), admin)).toMatchObject({ ok: true });
  });

  it("never sends the admin off the admin", () => {
    expect(safeNext("https://evil.example")).toBe("/admin/orders");
    expect(safeNext("//evil.example/admin")).toBe("/admin/orders");
    expect(safeNext("/admin/login")).toBe("/admin/orders");
    expect(safeNext("/admin/orders/ABC")).toBe("/admin/orders/ABC");
  });
});
