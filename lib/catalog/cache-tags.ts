// The cache tags of the prerendered catalogue, and the one helper that revalidates them. Every
// prerendered catalogue page is tagged (page-tags.ts); every write that changes what a catalogue
// page shows calls revalidateCatalogue(): the admin's product, variant, image and collection
// actions, and the order store after a checkout takes stock or an order gives it back.
import "server-only";
import type * as NextCache from "next/cache";
import { afterResponse } from "@/lib/after-response";

/**
 * Next's revalidateTag and after() (lib/after-response.ts), loaded when first needed rather than
 * with this module: the order store calls revalidateCatalogue() after a commit, and it is also loaded outside Next (the
 * custom server's live socket and job runner, the tests), where next/cache cannot load. There the
 * require fails, and revalidateCatalogue() logs it like any other context without a request.
 * An object so that the tests can replace them.
 */
export const nextCacheApi = {
  revalidateTag(tag: string, profile: { expire: number }): void {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require("next/cache") as typeof NextCache).revalidateTag(tag, profile);
  },
  after: afterResponse,
};

/** On every cached catalogue read: revalidating it refreshes every catalogue page. */
export const catalogTag = "catalog";
/** The pages that list products: home, collections, the sitemap. */
export const listingsTag = "catalog:listings";
export const productTag = (productId: string) => `catalog:product:${productId}`;
export const collectionTag = (slug: string) => `catalog:collection:${slug}`;

export interface CatalogueChange {
  /** Products whose fields, variants, prices, images or stock changed. */
  productIds?: readonly string[];
  /** Collections whose title, description or products changed. */
  collectionSlugs?: readonly string[];
  /** Anything else, or not known which products: every catalogue page. */
  everything?: boolean;
}

/** The tags a change makes stale. A product shows in the listings too (its card, its price). */
export function tagsFor(change: CatalogueChange): string[] {
  if (change.everything) return [catalogTag];
  const products = change.productIds ?? [];
  const collections = change.collectionSlugs ?? [];
  return [
    ...(products.length || collections.length ? [listingsTag] : []),
    ...products.map(productTag),
    ...collections.map(collectionTag),
  ];
}

/**
 * Marks the pages showing what changed as stale; the next visit to each renders it afresh
 * (`expire: 0`: nobody is shown a price that is no longer charged, even once).
 *
 * Next accepts this only in a server action or a route handler (also in their after()). From a
 * page render (the success page applying a payment) or a background job it throws: it is caught
 * and logged, and the pages' time-based revalidation (CATALOGUE_REVALIDATE_SECONDS) catches up.
 * Checkout re-prices and re-checks stock from the database whatever a page showed.
 */
export function revalidateCatalogue(change: CatalogueChange): void {
  for (const tag of tagsFor(change)) {
    try {
      nextCacheApi.revalidateTag(tag, { expire: 0 });
    } catch (error) {
      console.warn(
        `[catalog] could not revalidate ${tag} here (${error instanceof Error ? error.message.split("\n")[0] : error}); the pages refresh within ${CATALOGUE_REVALIDATE_SECONDS} s`,
      );
      return;
    }
  }
}

/**
 * For the admin's edits: revalidates now, and once more when the renders that were under way have
 * stored their page. A render that read the catalogue just before the edit committed and stores
 * its page just after the revalidation (a customer's visit, a link's prefetch) would otherwise be
 * taken for fresh, and show an archived product or an old price until the time-based safety net.
 * The second pass is the "delayed double delete" of cache-aside stores; after() keeps the function
 * alive for it on Vercel, after the merchant already has the answer.
 */
export function revalidateCatalogueAfterEdit(change: CatalogueChange): void {
  revalidateCatalogue(change);
  try {
    nextCacheApi.after(async () => {
      await new Promise((resolve) => setTimeout(resolve, RENDERS_UNDER_WAY_MS));
      revalidateCatalogue(change);
    });
  } catch (error) {
    console.warn(`[catalog] no second revalidation here (${error instanceof Error ? error.message : error})`);
  }
}

/** Longer than a catalogue page takes to render and store: a database read or two and React. */
export const RENDERS_UNDER_WAY_MS = 2_000;

/** The safety net for changes made where no tag can be revalidated. */
export const CATALOGUE_REVALIDATE_SECONDS = 60;
