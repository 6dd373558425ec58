// Prices typed by the merchant ("2.99", "$1,250", "3") read as integer cents by string
// arithmetic: a float ("2.99" * 100 = 298.99999…) would lose a cent. Pure, for forms and tests.

/** The largest price a form accepts: a million dollars, well inside a safe integer of cents. */
export const MAX_PRICE_CENTS = 100_000_000;

export type PriceParse = { ok: true; cents: number } | { ok: false; message: string };

/**
 * "2.99" → 299, "3" → 300, "3.5" → 350, "$1,250.00" → 125000. Refuses more than two decimals,
 * signs, exponents and anything that is not a plain amount in dollars.
 */
export function parsePriceToCents(input: string): PriceParse {
  const text = input
    .trim()
    .replace(/^\$/, "")
    .replace(/,(?=\d{3}(\D|$))/g, "");
  if (text === "") return { ok: false, message: "Enter a price." };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text) ?? /^()\.(\d+)$/.exec(text);
  if (!match) return { ok: false, message: "Enter a price in dollars, such as 2.99." };
  const [, whole = "", fraction = ""] = match;
  if (fraction.length > 2) return { ok: false, message: "Use at most two decimals (cents)." };
  if (whole.length > 9) return { ok: false, message: "That price is too high." };
  const cents = Number(whole || "0") * 100 + Number(fraction.padEnd(2, "0"));
  if (cents > MAX_PRICE_CENTS) return { ok: false, message: "That price is too high." };
  return { ok: true, cents };
}

/** 299 → "2.99": how a form shows a stored price back to the merchant. */
export function centsToPriceInput(cents: number): string {
  const whole = Math.trunc(cents / 100);
  return `${whole}.${String(cents % 100).padStart(2, "0")}`;
}
