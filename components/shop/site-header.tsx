import Image from "next/image";
import Link from "next/link";
import { Container } from "@/components/ui/container";
import { CartCount } from "@/components/cart/cart-count";
import { HeaderSearch } from "./header-search";
import { TestModeBadge } from "./test-mode-badge";
import { logoSrc } from "@/lib/brand/logo-mark";
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

/**
 * The header of every page, prerendered catalogue pages included: nothing in it depends on who is
 * looking (the cart count is drawn in the browser, components/cart/cart-count.tsx).
 */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-surface/90 backdrop-blur">
      {/* Narrow screens: the store name gives way (truncated) before anything else does, so the
          header never wraps or scrolls sideways, whatever the name's length or the cart's count. */}
      <Container className="flex h-16 items-center justify-between gap-2 sm:gap-4">
        <Link href="/" className="flex min-w-0 items-center gap-2.5 rounded-lg">
          {/* The store name follows as text, so the logo itself is decorative. */}
          <Image
            src={logoSrc()}
            alt=""
            width={36}
            height={36}
            unoptimized
            loading="eager"
            className="size-9 shrink-0"
          />
          <span className="truncate font-display text-base font-semibold tracking-tight sm:text-lg">
            {storeConfig.name}
          </span>
        </Link>
        <TestModeBadge />
        <HeaderSearch />

        <nav aria-label="Main" className="shrink-0">
          <ul className="flex items-center gap-1 text-sm font-medium sm:gap-2">
            {/* On narrow screens the logo is the way home, leaving room for the Test mode badge. */}
            <li className="hidden sm:block">
              <Link href="/" className="rounded-full px-3 py-2 text-muted transition-colors hover:text-ink">
                Shop
              </Link>
            </li>
            <li>
              {/* Not prefetched: the cart renders per request, so a prefetch from this header (on
                  every page, in view at once) would cost a server render (on Vercel, two function
                  calls) for each page a visitor opens, cart or not. */}
              <Link
                href="/cart"
                prefetch={false}
                className="flex items-center gap-2 rounded-full border border-line px-3 py-2 text-ink transition-colors hover:border-brand hover:text-brand sm:px-3.5"
              >
                <BagIcon />
                <span className="sr-only sm:not-sr-only">Cart</span>
                <CartCount />
              </Link>
            </li>
          </ul>
        </nav>
      </Container>
    </header>
  );
}
