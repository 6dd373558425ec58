import Link from "next/link";

interface PaginationProps {
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
  /** The URL of a page, other filters kept. */
  href: (page: number) => string;
  /** Plural and singular, e.g. ["orders", "order"]. */
  noun: [string, string];
}

export function Pagination({ page, pageCount, total, pageSize, href, noun }: PaginationProps) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const link =
    "rounded-full border border-line bg-surface px-3 py-1.5 font-medium hover:border-brand hover:text-brand";
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-4 px-5 py-3 text-sm text-muted">
      <p>
        {total === 0
          ? `No ${noun[0]}`
          : pageCount === 1
            ? `${total} ${total === 1 ? noun[1] : noun[0]}`
            : `${first}–${last} of ${total} ${noun[0]}`}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={link} rel="prev">
            Previous
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link href={href(page + 1)} className={link} rel="next">
            Next
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
