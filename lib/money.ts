// Money is stored and passed around as integer cents; only this module turns it into text.
// Pure (no server-only import) so client components and tests can use it too.
// Relative, not "@/", so vitest and Playwright resolve it without alias configuration.
import { storeConfig } from "./store-config";

export interface MoneyFormatOptions {
  currency?: string;
  locale?: string;
}

// Building an Intl.NumberFormat is comparatively slow and a catalogue page formats many prices.
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats integer cents as a price, e.g. `formatCents(499)` is `"$4.99"`.
 * Throws on fractional or non-finite input: a float here means a bug upstream, and showing a
 * rounded price would hide it.
 */
export function formatCents(cents: number, options: MoneyFormatOptions = {}): string {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`formatCents expects integer cents, got ${cents}`);
  }
  const { locale = storeConfig.locale, currency = storeConfig.currency } = options;
  // Division by 100 is exact for display: every integer cent amount below 2^53 / 100 maps to
  // the nearest double, which the formatter rounds back to the same two decimals.
  return formatterFor(locale, currency).format(cents / 100);
}
