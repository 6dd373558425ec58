import type { RejectionCount } from "@/lib/admin/webhooks/webhook-queries";
import { StatCard } from "@/components/admin/shared/stat-card";

/**
 * Rejected deliveries in the last 24 hours by reason. Repeats are counted rather than stored
 * one by one, so this, not the table below, is where a flood of unsigned requests shows.
 */
export function RejectionSummary({ counts }: { counts: RejectionCount[] }) {
  if (!counts.length)
    return <p className="text-sm text-muted">No rejected deliveries in the last 24 hours.</p>;
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {counts.map((row) => (
        <StatCard
          key={row.errorCode}
          label={row.errorCode}
          value={row.count}
          hint={`from ${row.sources} ${row.sources === 1 ? "address" : "addresses"}`}
        />
      ))}
    </div>
  );
}
