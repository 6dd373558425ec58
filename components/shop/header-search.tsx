/**
 * The header's search box: a GET form to /search, so it works without JavaScript. On phones only
 * a search button shows (it leads to /search, which has its own box), so the header never wraps.
 */
export function HeaderSearch() {
  return (
    <div role="search" aria-label="Site search" className="ml-auto flex shrink-0 items-center">
      <form action="/search" className="hidden items-center md:flex">
        <label htmlFor="header-search" className="sr-only">
          Search the shop
        </label>
        <input
          id="header-search"
          type="search"
          name="q"
          maxLength={200}
          placeholder="Search"
          className="h-10 w-44 rounded-full border border-line bg-surface px-4 text-sm placeholder:text-muted lg:w-56"
        />
      </form>
      <a
        href="/search"
        className="inline-flex size-10 items-center justify-center rounded-full text-muted transition-colors hover:text-brand md:hidden"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          className="size-5"
        >
          <circle cx="11" cy="11" r="6.5" />
          <path d="m16 16 4.5 4.5" strokeLinecap="round" />
        </svg>
        <span className="sr-only">Search</span>
      </a>
    </div>
  );
}
