import { describe, expect, it } from "vitest";
import { bodyExcerpt, claimedEvent, headersForLog } from "./delivery-record";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("what the delivery log keeps", () => {
  it("keeps the headers, the signature included, and redacts credentials", () => {
    const headers = new Headers({
      "qbitflow-signature": "t=1,v1=abc",
      authorization: "Bearer secret",
      cookie: "admin_session=x",
      "content-type": "application/json",
    });
    expect(headersForLog(headers)).toEqual({
      "qbitflow-signature": "t=1,v1=abc",
      authorization: "[redacted]",
      cookie: "[redacted]",
      "content-type": "application/json",
    });
  });

  it("redacts every credential header it knows", () => {
    const headers = new Headers({ "proxy-authorization": "Basic x", "x-api-key": "sk_live_1" });
    expect(headersForLog(headers)).toEqual({
      "proxy-authorization": "[redacted]",
      "x-api-key": "[redacted]",
    });
  });

  it("keeps at most 32 headers", () => {
    const headers = new Headers(
      Array.from({ length: 40 }, (_, i): [string, string] => [`x-h${String(i).padStart(2, "0")}`, "v"]),
    );
    const kept = Object.keys(headersForLog(headers));
    expect(kept).toHaveLength(32);
    expect(kept.at(-1)).toBe("x-h31");
  });

  it("bounds header values, and all headers together to 4 KiB", () => {
    expect(headersForLog(new Headers({ "x-long": "a".repeat(5000) }))["x-long"]).toHaveLength(256);
    const many = new Headers(
      Array.from({ length: 60 }, (_, i): [string, string] => [`x-h${i}`, "v".repeat(250)]),
    );
    expect(JSON.stringify(headersForLog(many)).length).toBeLessThan(4 * 1024 + 200);
  });

  it("keeps the signature and content headers first, whatever pads the request", () => {
    // Headers iterate in name order: 40 "a-…" headers would fill the 32 before the signature.
    const headers = new Headers([
      ...Array.from({ length: 40 }, (_, i): [string, string] => [`a-h${String(i).padStart(2, "0")}`, "v"]),
      ["qbitflow-signature", "t=1,v1=abc"],
      ["content-type", "application/json"],
    ]);
    const kept = headersForLog(headers);
    expect(Object.keys(kept)).toHaveLength(32);
    expect(kept).toMatchObject({ "qbitflow-signature": "t=1,v1=abc", "content-type": "application/json" });
  });

  it("keeps a header that exactly fills what is left of the 4 KiB", () => {
    // 16 headers of 5 + 251 characters are 4096 together: the last one still fits.
    const headers = new Headers(
      Array.from({ length: 17 }, (_, i): [string, string] => [
        `x-h${String(i).padStart(2, "0")}`,
        "v".repeat(251),
      ]),
    );
    const kept = Object.keys(headersForLog(headers));
    expect(kept).toHaveLength(16);
    expect(kept.at(-1)).toBe("x-h15");
  });

  it("keeps the first 1 KiB of a body", () => {
    expect(bodyExcerpt(bytes("x".repeat(10_000)))).toHaveLength(1024);
    expect(bodyExcerpt(bytes("{}"))).toBe("{}");
  });

  it("reads the event id and type a body claims, when it has them", () => {
    expect(claimedEvent(bytes('{"id":"evt_1","type":"payment.completed"}'))).toEqual({
      eventId: "evt_1",
      eventType: "payment.completed",
    });
    expect(claimedEvent(bytes("not json"))).toEqual({ eventId: null, eventType: null });
    expect(claimedEvent(bytes('{"id":7}'))).toEqual({ eventId: null, eventType: null });
    for (const body of ["null", "42", '"evt_1"', "[]"]) {
      expect(claimedEvent(bytes(body))).toEqual({ eventId: null, eventType: null });
    }
    expect(claimedEvent(null)).toEqual({ eventId: null, eventType: null });
  });

  it("keeps a claimed field that is a non-empty string, cut to 200 characters, and drops the rest", () => {
    expect(claimedEvent(bytes('{"id":7,"type":"payment.completed"}'))).toEqual({
      eventId: null,
      eventType: "payment.completed",
    });
    expect(claimedEvent(bytes('{"id":"","type":"t"}'))).toEqual({ eventId: null, eventType: "t" });
    const long = "e".repeat(300);
    expect(claimedEvent(bytes(JSON.stringify({ id: long, type: "t" }))).eventId).toBe(long.slice(0, 200));
  });
});
