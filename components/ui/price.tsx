import { formatCents } from "@/lib/money";

interface PriceProps {
  cents: number;
  className?: string;
}

/** A price from integer cents. Tabular digits keep prices aligned in grids and lists. */
export function Price({ cents, className = "" }: PriceProps) {
  return <span className={`tabular-nums ${className}`.trim()}>{formatCents(cents)}</span>;
}
