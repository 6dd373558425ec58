// "Where did these units go": every stock change a person made, with who, when and why.
import { AdminTable } from "@/components/admin/shared/admin-table";
import { formatDateTime } from "@/components/admin/shared/format";

interface StockHistoryRow {
  id: string;
  delta: number;
  stockAfter: number;
  reason: string;
  actor: string;
  createdAt: Date;
  variant: { optionValues: string[]; sku: string | null };
}

export function StockHistory({ rows }: { rows: StockHistoryRow[] }) {
  return (
    <AdminTable
      columns={[
        { label: "When" },
        { label: "Variant" },
        { label: "Change", align: "right" },
        { label: "After", align: "right" },
        { label: "Why" },
        { label: "Who" },
      ]}
      empty="No stock changes yet."
      rowCount={rows.length}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <td className="px-5 py-2.5 whitespace-nowrap text-muted">{formatDateTime(row.createdAt)}</td>
          <td className="px-3 py-2.5">{row.variant.optionValues.join(" / ") || "Default"}</td>
          <td className={`px-3 py-2.5 text-right font-medium ${row.delta < 0 ? "text-red-700" : "text-ok"}`}>
            {row.delta > 0 ? `+${row.delta}` : row.delta}
          </td>
          <td className="px-3 py-2.5 text-right">{row.stockAfter}</td>
          <td className="px-3 py-2.5">{row.reason}</td>
          <td className="px-5 py-2.5 text-muted">{row.actor}</td>
        </tr>
      ))}
    </AdminTable>
  );
}
