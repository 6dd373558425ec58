// The CSV export's date range: ?from=YYYY-MM-DD&to=YYYY-MM-DD, both days included, in UTC.
import { z } from "zod";

const MAX_DAYS = 366 * 3;

const day = z
  .string({ error: "is required (YYYY-MM-DD)" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "is not a real date");

const schema = z
  .object({ from: day, to: day })
  .refine(({ from, to }) => from <= to, { message: "must not be before from", path: ["to"] })
  .refine(({ from, to }) => Date.parse(to) - Date.parse(from) <= MAX_DAYS * 86_400_000, {
    message: `must be at most ${MAX_DAYS} days after from`,
    path: ["to"],
  });

export interface ExportRange {
  from: string;
  to: string;
  /** Inclusive start and exclusive end, as instants. */
  start: Date;
  end: Date;
}

export type ParsedRange = { ok: true; range: ExportRange } | { ok: false; message: string };

export function parseExportRange(params: URLSearchParams): ParsedRange {
  const parsed = schema.safeParse({
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
  });
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ");
    return { ok: false, message };
  }
  const { from, to } = parsed.data;
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000);
  return { ok: true, range: { from, to, start, end } };
}
