// CSV as RFC 4180 describes it (CRLF line ends, fields quoted when they hold a quote, comma or
// line break, quotes doubled), plus a guard against formula injection: spreadsheets run a cell
// that starts with = + - @ (or a tab / carriage return before one), so such cells get a leading
// single quote. An email address is customer input and could be "=HYPERLINK(…)".
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** Integer cents as exact decimal text: 1999 → "19.99" (no float arithmetic). */
export function centsToUsd(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
