// Attaches cache tags to the prerendered catalogue page being rendered, so revalidateCatalogue()
// refreshes it. Outside Cache Components, Next collects a page's tags from the unstable_cache()
// and fetch() calls made while rendering it; the reads themselves stay uncached (a page renders
// only when its cache entry is missing or stale, and must then read the database as it is).
import "server-only";
import { unstable_cache } from "next/cache";
import { catalogTag } from "./cache-tags";

export async function tagCataloguePage(...tags: string[]): Promise<void> {
  const all = [catalogTag, ...tags];
  await unstable_cache(async () => true, ["catalogue-page-tags", ...all], { tags: all })();
}
