/**
 * What a refund sends back (spec §12): `refundPercent` of what the customer paid, computed in
 * integers so no float drift reaches the wire. The percent has at most 2 decimals, so it is a
 * whole number of hundredths of a percent (1 to 10 000) and every amount is `paid × h / 10 000`,
 * rounded down to the smallest unit: a refund never sends more than was paid (sandbox-defined
 * rounding; QBitFlow does not document its own).
 */

/** 100 % in hundredths of a percent. */
const WHOLE = 10_000n;
const USD_MICROS = 1_000_000;

/** True for 0 < p ≤ 100 with at most 2 decimals (the API's rule for `refundPercent`). */
export function isValidRefundPercent(percent: number): boolean {
  return (
    Number.isFinite(percent) && percent > 0 && percent <= 100 && Math.round(percent * 100) / 100 === percent
  );
}

export interface RefundAmounts {
  amountMinUnits: string;
  amountUsd: number;
}

/**
 * `paidMinUnits` is a decimal string of token units; `paidUsd` a JSON number the sandbox keeps
 * to 6 decimals (whole micro-dollars), which is what makes the USD side exact too.
 */
export function refundAmounts(paidMinUnits: string, paidUsd: number, percent: number): RefundAmounts {
  if (!isValidRefundPercent(percent)) throw new RangeError(`invalid refund percent ${percent}`);
  const hundredths = BigInt(Math.round(percent * 100));
  const paidMicros = BigInt(Math.round(paidUsd * USD_MICROS));
  const refundMicros = (paidMicros * hundredths) / WHOLE;
  return {
    amountMinUnits: ((BigInt(paidMinUnits) * hundredths) / WHOLE).toString(),
    // An integer over 1e6 is the double nearest the decimal, so it serializes as that decimal.
    amountUsd: Number(refundMicros) / USD_MICROS,
  };
}
