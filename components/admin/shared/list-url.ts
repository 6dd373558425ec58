// The URL of an admin list page with its filters: parameters left at their default (undefined,
// "", "all", page 1) stay out of the URL, so the plain path is the unfiltered first page.
export function adminListUrl(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === "" || value === "all") continue;
    if (name === "page" && Number(value) <= 1) continue;
    search.set(name, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
