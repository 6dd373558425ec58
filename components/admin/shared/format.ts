// Text for the admin's tables: times in UTC (one clock for every merchant and every server), and
// long ids shortened for a table cell with the full value kept for a title attribute.
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return `${new Date(value).toLocaleString("en-US", {
    dateStyle: "medium",
    timeStyle: "medium",
    timeZone: "UTC",
  })} UTC`;
}

export function shorten(value: string, head = 10, tail = 6): string {
  return value.length > head + tail + 1 ? `${value.slice(0, head)}…${value.slice(-tail)}` : value;
}

/** A payload pretty-printed when it is JSON, verbatim otherwise (a rejected body may be anything). */
export function prettyPayload(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}
