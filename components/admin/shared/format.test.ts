import { describe, expect, it } from "vitest";
import { formatDateTime, prettyPayload, shorten } from "./format";

describe("admin formatting", () => {
  it("pretty-prints JSON and leaves anything else as it came", () => {
    expect(prettyPayload('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyPayload("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
  });

  it("shows times in UTC", () => {
    expect(formatDateTime(new Date("2026-11-28T03:04:05Z"))).toBe("Nov 28, 2026, 3:04:05 AM UTC");
    expect(formatDateTime(null)).toBe("—");
  });

  it("shortens long ids only", () => {
    expect(shorten("0x0123456789abcdef0123456789")).toBe("0x01234567…456789");
    expect(shorten("short")).toBe("short");
  });
});
