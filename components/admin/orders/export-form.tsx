// The CSV export: a GET form to the export route, so the browser downloads the file itself.
import { buttonClasses } from "@/components/ui/button";

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function ExportForm() {
  const today = new Date();
  const monthAgo = new Date(today.getTime() - 30 * 24 * 60 * 60 * 1000);
  const input = "rounded-xl border border-line bg-surface px-3 py-2 text-sm";
  return (
    <form action="/admin/orders/export" method="get" className="flex flex-wrap items-end gap-3">
      <div className="space-y-1">
        <label htmlFor="export-from" className="block text-xs font-medium text-muted">
          From (UTC)
        </label>
        <input
          id="export-from"
          type="date"
          name="from"
          required
          defaultValue={isoDay(monthAgo)}
          className={input}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="export-to" className="block text-xs font-medium text-muted">
          To (UTC, included)
        </label>
        <input id="export-to" type="date" name="to" required defaultValue={isoDay(today)} className={input} />
      </div>
      <button type="submit" className={buttonClasses("secondary", "py-2")}>
        Download CSV
      </button>
    </form>
  );
}
