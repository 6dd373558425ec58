// The page every admin list shares: a heading (with an optional line under it and an action
// beside it), what the page shows above the list, then one card with the filter tabs and a
// search, the table, its pages and an optional footnote, and what comes below. Each page loads
// its own data and passes the pieces.
import type { ComponentProps, ReactNode } from "react";
import { Card } from "./card";
import { FilterTabs } from "./filter-tabs";
import { Pagination } from "./pagination";

interface AdminListPageProps {
  title: string;
  /** A line under the heading. */
  description?: ReactNode;
  /** Beside the heading, e.g. "Add product". */
  action?: ReactNode;
  /** Between the heading and the list: totals, notices, other cards. */
  above?: ReactNode;
  filters: ComponentProps<typeof FilterTabs>;
  /** Beside the filter tabs: the search form. */
  search: ReactNode;
  /** The table, which draws its own empty state. */
  table: ReactNode;
  pagination: ComponentProps<typeof Pagination>;
  /** Under the pages, inside the card. */
  footnote?: ReactNode;
  /** After the list's card. */
  below?: ReactNode;
}

export function AdminListPage({
  title,
  description,
  action,
  above,
  filters,
  search,
  table,
  pagination,
  footnote,
  below,
}: AdminListPageProps) {
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="space-y-1">
          <h1 className="font-display text-3xl font-semibold tracking-tight">{title}</h1>
          {description}
        </div>
        {action}
      </div>
      {above}
      <Card flush>
        <div className="flex flex-col gap-3 border-b border-line px-4 py-3 lg:flex-row lg:items-center lg:justify-between">
          <FilterTabs {...filters} />
          {search}
        </div>
        {table}
        <div className="border-t border-line">
          <Pagination {...pagination} />
        </div>
        {footnote}
      </Card>
      {below}
    </div>
  );
}
