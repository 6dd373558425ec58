import { Price } from "@/components/ui/price";

/** A price, "from" when the variants differ, with the compare-at price struck through when higher. */
export function ProductPrice({
  cents,
  from = false,
  compareAtCents = null,
  className = "",
}: {
  cents: number;
  from?: boolean;
  compareAtCents?: number | null;
  className?: string;
}) {
  return (
    <span className={`inline-flex items-baseline gap-2 ${className}`.trim()}>
      {from ? <span className="text-sm font-normal text-muted">from</span> : null}
      <Price cents={cents} />
      {compareAtCents !== null && compareAtCents > cents ? (
        <s className="text-sm font-normal text-muted">
          <span className="sr-only">was </span>
          <Price cents={compareAtCents} />
        </s>
      ) : null}
    </span>
  );
}
