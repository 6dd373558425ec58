// The cart under QBitFlow's test-mode cap: whether the total is over it, and the smallest change
// that brings it under (lower one quantity, else remove one line), so the customer learns it
// before pressing Pay. Pure and browser-safe: the cart page's optimistic total uses it too.
import { formatCents } from "@/lib/money";

export interface CapLine {
  name: string;
  variantTitle: string | null;
  unitPriceCents: number;
  quantity: number;
}

export interface CapNotice {
  /** Why: the limit and the total. */
  reason: string;
  /** What to do about it. */
  fix: string;
}

const label = (line: CapLine) => (line.variantTitle ? `${line.name} (${line.variantTitle})` : line.name);

export function testModeCapNotice(lines: CapLine[], capCents: number | null): CapNotice | null {
  if (capCents === null) return null;
  const total = lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
  const over = total - capCents;
  if (over <= 0) return null;
  const reason = `Test mode accepts at most ${formatCents(capCents)} per order; this cart comes to ${formatCents(total)}.`;

  // Lowering a quantity keeps every item: the one that gives up the least value.
  const lowerings = lines.flatMap((line) => {
    const fewer = Math.ceil(over / line.unitPriceCents);
    return fewer < line.quantity
      ? [{ line, keep: line.quantity - fewer, cost: fewer * line.unitPriceCents }]
      : [];
  });
  const lower = lowerings.sort((a, b) => a.cost - b.cost)[0];
  if (lower) return { reason, fix: `Lower the quantity of ${label(lower.line)} to ${lower.keep}.` };

  const removals = lines
    .map((line) => ({ line, cost: line.unitPriceCents * line.quantity }))
    .filter(({ cost }) => cost >= over && total - cost > 0)
    .sort((a, b) => a.cost - b.cost);
  const remove = removals[0];
  if (remove) return { reason, fix: `Remove ${label(remove.line)}.` };

  const tooDear = lines.find((line) => line.unitPriceCents > capCents);
  if (tooDear && lines.length === 1) {
    return {
      reason,
      fix: `${label(tooDear)} costs more than that on its own: it can be bought once the shop is live.`,
    };
  }
  return { reason, fix: `Remove items until the total is ${formatCents(capCents)} or less.` };
}
