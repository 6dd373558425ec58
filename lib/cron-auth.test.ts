import { describe, expect, it } from "vitest";
import { hasCronSecret } from "./cron-auth";

const secret = "a-long-cron-secret-value";
const request = (authorization?: string) =>
  new Request("http://localhost/api/cron/reconcile", { headers: authorization ? { authorization } : {} });

describe("hasCronSecret", () => {
  it("accepts exactly 'Bearer <secret>'", () => {
    expect(hasCronSecret(request(`Bearer ${secret}`), secret)).toBe(true);
  });

  it.each([
    ["no header", undefined],
    ["an empty bearer", "Bearer "],
    ["the wrong secret", "Bearer another-secret-value"],
    ["a prefix of the secret", `Bearer ${secret.slice(0, 10)}`],
    ["the secret without the scheme", secret],
    ["another scheme", `Basic ${secret}`],
  ])("refuses %s", (_, header) => {
    expect(hasCronSecret(request(header), secret)).toBe(false);
  });
});
