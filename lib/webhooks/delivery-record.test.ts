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

  it("bounds header values, and all headers together to 4 KiB", () => {
    expect(headersForLog(new Headers({ "x-long": "a".repeat(5000) }))["x-long"]).toHaveLength(256);
    const many = new Headers(
      Array.from({ length: 60 }, (_, i): [string, string] => [`x-h${i}`, "v".repeat(250)]),
    );
    expect(JSON.stringify(headersForLog(many)).length).toBeLessThan(4 * 1024 + 200);
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
    expect(claimedEvent(null)).toEqual({ eventId: null, eventType: null });
  });
});
