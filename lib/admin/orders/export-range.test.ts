import { describe, expect, it } from "vitest";
import { parseExportRange } from "./export-range";

const parse = (query: string) => parseExportRange(new URLSearchParams(query));

describe("the export's date range", () => {
  it("covers both days whole, in UTC", () => {
    expect(parse("from=2026-11-01&to=2026-11-28")).toEqual({
      ok: true,
      range: {
        from: "2026-11-01",
        to: "2026-11-28",
        start: new Date("2026-11-01T00:00:00Z"),
        end: new Date("2026-11-29T00:00:00Z"),
      },
    });
  });

  it("accepts a single day", () => {
    expect(parse("from=2026-11-28&to=2026-11-28").ok).toBe(true);
  });

  it.each([
    ["", /from .*required/],
    ["from=2026-11-01", /to .*required/],
    ["from=2026-11-1&to=2026-11-28", /YYYY-MM-DD/],
    ["from=2026-02-30&to=2026-03-01", /not a real date/],
    ["from=2026-11-28&to=2026-11-01", /to must not be before from/],
    ["from=2020-01-01&to=2026-01-01", /at most/],
    ["from=2026-11-01&to=2026-11-28%22%3E", /YYYY-MM-DD/],
  ])("refuses %j", (query, message) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
