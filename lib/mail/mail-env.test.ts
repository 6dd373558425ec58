// The mail and fulfilment variables of lib/env.ts: a bad value is one line naming it.
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/shop" };
const problemsOf = (extra: Record<string, string>) => {
  try {
    parseEnv({ ...base, ...extra });
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
};

describe("mail and fulfilment settings", () => {
  it("accept a provider's SMTP URL, a From with a name, the merchant's address and a signed endpoint", () => {
    const env = parseEnv({
      ...base,
      SMTP_URL: "smtps://resend:re_key@smtp.resend.com:465",
      MAIL_FROM: "Northwind Supply <orders@northwind.example>",
      MERCHANT_EMAIL: "owner@northwind.example",
      FULFILMENT_WEBHOOK_URL: "https://warehouse.example/hooks/orders/",
      FULFILMENT_WEBHOOK_SECRET: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
    });
    expect(env.SMTP_URL).toBe("smtps://resend:re_key@smtp.resend.com:465");
    expect(env.FULFILMENT_WEBHOOK_URL).toBe("https://warehouse.example/hooks/orders");
  });

  it("are optional: unset or empty means no email and no fulfilment call", () => {
    const env = parseEnv({ ...base, SMTP_URL: "", MERCHANT_EMAIL: " " });
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.MERCHANT_EMAIL).toBeUndefined();
  });

  it("name each bad value", () => {
    expect(problemsOf({ SMTP_URL: "smtp.resend.com:465" })).toEqual([
      "Invalid environment variable SMTP_URL: must be an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.com:465",
    ]);
    expect(problemsOf({ MAIL_FROM: "orders" })[0]).toMatch(
      /^Invalid environment variable MAIL_FROM: must be an address/,
    );
    expect(problemsOf({ MERCHANT_EMAIL: "owner@" })).toEqual([
      "Invalid environment variable MERCHANT_EMAIL: must be an email address",
    ]);
    expect(problemsOf({ FULFILMENT_WEBHOOK_SECRET: "secret" })[0]).toMatch(
      /FULFILMENT_WEBHOOK_SECRET: must be whsec_/,
    );
  });
});
