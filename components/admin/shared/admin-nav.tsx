"use client";
// The admin's sections; the current one is marked for the eye and for screen readers.
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/admin/orders", label: "Orders" },
  { href: "/admin/products", label: "Products" },
  { href: "/admin/collections", label: "Collections" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/jobs", label: "Dead jobs" },
  { href: "/admin/setup", label: "Setup" },
];

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin">
      <ul className="flex items-center gap-1 text-sm font-medium">
        {LINKS.map(({ href, label }) => {
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`rounded-full px-3 py-1.5 transition-colors ${
                  current ? "bg-white/15 text-white" : "text-white/70 hover:text-white"
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
