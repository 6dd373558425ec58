// Edges of verifyWebhookSignature that the spec's vectors do not pin: parts without "=",
// tolerances that are not finite numbers, and the messages of configuration errors.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyWebhookSignature } from "./webhook-signature";

const SECRET = "whsec_test";
const BODY = '{"id":"evt_1"}';
const T = 1790856000;
const header = `t=${T},v1=${createHmac("sha256", SECRET).update(`${T}.${BODY}`).digest("hex")}`;
const verify = (overrides: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
  verifyWebhookSignature({ header, rawBody: BODY, secrets: [SECRET], now: T, ...overrides });

describe("header parts without '='", () => {
  it.each(["tx", "t", "v1x", "garbage"])("%s is ignored, not read as a key", (part) => {
    expect(verify({ header: `${header},${part}` })).toEqual({ ok: true });
    expect(verify({ header: `${part},${header}` })).toEqual({ ok: true });
  });
});

describe("tolerance that is not a positive finite number", () => {
  it.each([Infinity, -Infinity, NaN])("%s means the default 300 s", (toleranceSeconds) => {
    expect(verify({ toleranceSeconds, now: T + 300 })).toEqual({ ok: true });
    expect(verify({ toleranceSeconds, now: T + 301 })).toEqual({
      ok: false,
      reason: "timestampOutsideTolerance",
    });
  });

  it("a fractional tolerance is rounded down", () => {
    expect(verify({ toleranceSeconds: 10.9, now: T + 10 })).toEqual({ ok: true });
    expect(verify({ toleranceSeconds: 10.9, now: T + 11 })).toMatchObject({ ok: false });
  });
});

describe("configuration errors", () => {
  it("say which: no secret at all, or an empty one", () => {
    expect(() => verify({ secrets: [] })).toThrow("verifyWebhookSignature: no webhook secret given");
    expect(() => verify({ secrets: [SECRET, " "] })).toThrow(
      "verifyWebhookSignature: a webhook secret is empty",
    );
  });
});
