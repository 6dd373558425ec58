// The admin's panels: a white card with an optional heading row.
import type { ReactNode } from "react";

interface CardProps {
  title?: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  /** Tables run edge to edge; text gets padding. */
  flush?: boolean;
}

export function Card({ title, actions, children, className = "", flush = false }: CardProps) {
  const heading = title ? title.toLowerCase().replace(/[^a-z0-9]+/g, "-") : undefined;
  return (
    <section
      aria-labelledby={heading}
      className={`overflow-hidden rounded-2xl border border-line bg-surface shadow-sm ${className}`.trim()}
    >
      {title ? (
        <div className="flex items-center justify-between gap-3 border-b border-line px-5 py-3">
          <h2 id={heading} className="text-sm font-semibold">
            {title}
          </h2>
          {actions}
        </div>
      ) : null}
      <div className={flush ? "" : "p-5"}>{children}</div>
    </section>
  );
}

/** A label/value list for a card's details. */
export function Details({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-2.5 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted">{label}</dt>
          <dd className="min-w-0 break-words">{value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
