// The shell every admin list shares: an empty-state line, a scrolling wrapper and the header row.
// Callers pass the column labels and render their own rows.
import type { ReactNode } from "react";

export interface AdminColumn {
  label: string;
  align?: "left" | "right";
}

interface AdminTableProps {
  columns: AdminColumn[];
  /** Shown instead of the table when there is nothing to list. */
  empty: string;
  rowCount: number;
  children: ReactNode;
}

export function AdminTable({ columns, empty, rowCount, children }: AdminTableProps) {
  if (rowCount === 0) return <p className="px-5 py-10 text-center text-sm text-muted">{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-line bg-canvas/60 text-xs tracking-wide text-muted uppercase">
          <tr>
            {columns.map((column, index) => {
              // The outer columns line up with the card's padding.
              const edge = index === 0 || index === columns.length - 1 ? "px-5" : "px-3";
              const align = column.align === "right" ? "text-right" : "";
              return (
                <th key={column.label} scope="col" className={`${edge} py-2.5 font-medium ${align}`.trim()}>
                  {column.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">{children}</tbody>
      </table>
    </div>
  );
}
