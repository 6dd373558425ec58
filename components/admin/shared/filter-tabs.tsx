// A row of filter links: plain GETs, so filters work without JavaScript and can be bookmarked.
import Link from "next/link";

interface FilterTabsProps {
  label: string;
  tabs: { value: string; label: string; href: string }[];
  current: string;
}

export function FilterTabs({ label, tabs, current }: FilterTabsProps) {
  return (
    <nav aria-label={label} className="-mx-1 overflow-x-auto">
      <ul className="flex gap-1 px-1">
        {tabs.map((tab) => {
          const active = tab.value === current;
          return (
            <li key={tab.value}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={`block rounded-full px-3 py-1.5 text-sm font-medium whitespace-nowrap transition-colors ${
                  active ? "bg-ink text-white" : "text-muted hover:bg-surface hover:text-ink"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
