import { SEARCH_SORTS, SORT_LABELS, type SearchSort } from "@/lib/catalog/search-query";

/** The sort order of search results: a GET form, so it works without JavaScript. */
export function SearchSortForm({ query, sort }: { query: string; sort: SearchSort }) {
  return (
    <form action="/search" className="flex items-end gap-2">
      <input type="hidden" name="q" value={query} />
      <div className="flex flex-col gap-1">
        <label htmlFor="search-sort" className="text-sm font-medium">
          Sort by
        </label>
        <select
          id="search-sort"
          name="sort"
          defaultValue={sort}
          className="h-10 rounded-full border border-line bg-surface px-4 text-sm"
        >
          {SEARCH_SORTS.map((value) => (
            <option key={value} value={value}>
              {SORT_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="h-10 rounded-full border border-line bg-surface px-4 text-sm font-medium hover:border-brand hover:text-brand"
      >
        Sort
      </button>
    </form>
  );
}
