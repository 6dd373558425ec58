import Image from "next/image";
import Link from "next/link";
import { Container } from "@/components/ui/container";
import { storeConfig } from "@/lib/store-config";

function BagIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      className="size-5"
    >
      <path d="M5 8h14l-1.2 11.2a2 2 0 0 1-2 1.8H8.2a2 2 0 0 1-2-1.8L5 8Z" strokeLinejoin="round" />
      <path d="M9 10V7a3 3 0 0 1 6 0v3" strokeLinecap="round" />
    </svg>
  );
}

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-surface/90 backdrop-blur">
      <Container className="flex h-16 items-center justify-between gap-4">
        <Link href="/" className="flex shrink-0 items-center gap-2.5 rounded-lg">
          {/* The store name follows as text, so the logo itself is decorative. */}
          <Image src={storeConfig.logoPath} alt="" width={36} height={36} unoptimized loading="eager" />
          <span className="font-display text-base font-semibold tracking-tight whitespace-nowrap sm:text-lg">
            {storeConfig.name}
          </span>
        </Link>

        <nav aria-label="Main">
          <ul className="flex items-center gap-1 text-sm font-medium sm:gap-2">
            <li>
              <Link href="/" className="rounded-full px-3 py-2 text-muted transition-colors hover:text-ink">
                Shop
              </Link>
            </li>
            <li>
              {/* A plain link for now: the cart (and its item count) arrives with the cart issue. */}
              <Link
                href="/cart"
                className="flex items-center gap-2 rounded-full border border-line px-3.5 py-2 text-ink transition-colors hover:border-brand hover:text-brand"
              >
                <BagIcon />
                Cart
              </Link>
            </li>
          </ul>
        </nav>
      </Container>
    </header>
  );
}
