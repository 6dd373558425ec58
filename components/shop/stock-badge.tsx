import { stockStatus, type StockLevel } from "./stock-status";

const styles: Record<StockLevel, string> = {
  "in-stock": "bg-ok-soft text-ok",
  low: "bg-warn-soft text-warn",
  "sold-out": "bg-sold-soft text-sold",
};

const dots: Record<StockLevel, string> = {
  "in-stock": "bg-ok",
  low: "bg-warn",
  "sold-out": "bg-sold",
};

/** "In stock" / "Only N left" / "Sold out". The text carries the meaning; colour only echoes it. */
export function StockBadge({ available, className = "" }: { available: number; className?: string }) {
  const { level, label } = stockStatus(available);
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium ${styles[level]} ${className}`.trim()}
    >
      <span aria-hidden="true" className={`size-1.5 rounded-full ${dots[level]}`} />
      {label}
    </span>
  );
}
