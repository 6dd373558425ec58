// What a customer types into the search box, made into a PostgreSQL tsquery and a sort order.
// Pure, so the rules have unit tests. Only letters and digits reach the tsquery, so nothing typed
// can be a tsquery operator (& | ! : * ( ) < >): to_tsquery() never sees a syntax error, and the
// query is still passed as a bound parameter.

export const SEARCH_SORTS = ["featured", "price-asc", "price-desc", "newest"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const SORT_LABELS: Record<SearchSort, string> = {
  featured: "Featured",
  "price-asc": "Price, low to high",
  "price-desc": "Price, high to low",
  newest: "Newest",
};

const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 40;
export const MAX_QUERY_LENGTH = 200;

/** The words of a search, lower-cased, at most MAX_TERMS, each at most MAX_TERM_LENGTH long. */
export function searchTerms(input: string | string[] | undefined): string[] {
  const text = (Array.isArray(input) ? input[0] : input) ?? "";
  const words = text
    .slice(0, MAX_QUERY_LENGTH)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => word.slice(0, MAX_TERM_LENGTH));
  return [...new Set(words)].slice(0, MAX_TERMS);
}

/**
 * Every word must match, the last one as a prefix too ("note" finds "notebook"); earlier words as
 * prefixes as well, so "fie note" finds "Field notebook". null when there is nothing to search.
 */
export function toTsQuery(terms: string[]): string | null {
  return terms.length ? terms.map((term) => `${term}:*`).join(" & ") : null;
}

export function parseSort(input: string | string[] | undefined): SearchSort {
  const value = Array.isArray(input) ? input[0] : input;
  return SEARCH_SORTS.find((sort) => sort === value) ?? "featured";
}
