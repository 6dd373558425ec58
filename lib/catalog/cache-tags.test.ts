import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  RENDERS_UNDER_WAY_MS,
  catalogTag,
  listingsTag,
  nextCacheApi,
  productTag,
  revalidateCatalogue,
  revalidateCatalogueAfterEdit,
  tagsFor,
} from "./cache-tags";

describe("tagsFor", () => {
  it("names the product's page and the listings that show its card", () => {
    expect(tagsFor({ productIds: ["p1"] })).toEqual([listingsTag, productTag("p1")]);
  });

  it("names every catalogue page for a change of unknown reach, and none for no change", () => {
    expect(tagsFor({ everything: true, productIds: ["p1"] })).toEqual([catalogTag]);
    expect(tagsFor({})).toEqual([]);
  });
});

describe("revalidation", () => {
  let revalidated: string[];
  let scheduled: Promise<unknown>[];

  beforeEach(() => {
    vi.useFakeTimers();
    revalidated = [];
    scheduled = [];
    vi.spyOn(nextCacheApi, "revalidateTag").mockImplementation((tag, profile) => {
      expect(profile).toEqual({ expire: 0 }); // expired at once, never served stale
      revalidated.push(tag);
    });
    vi.spyOn(nextCacheApi, "after").mockImplementation((task) => void scheduled.push(task()));
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("a store change revalidates its tags once, at once", () => {
    revalidateCatalogue({ productIds: ["p1"] });
    expect(revalidated).toEqual([listingsTag, productTag("p1")]);
    expect(scheduled).toHaveLength(0);
  });

  it("an admin edit revalidates at once and again once renders under way have stored their page", async () => {
    revalidateCatalogueAfterEdit({ everything: true });
    expect(revalidated).toEqual([catalogTag]);

    await vi.advanceTimersByTimeAsync(RENDERS_UNDER_WAY_MS - 1);
    expect(revalidated).toEqual([catalogTag]);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(scheduled);
    expect(revalidated).toEqual([catalogTag, catalogTag]);
  });

  it("outside a request (no after()), the edit is still revalidated once and nothing throws", () => {
    vi.mocked(nextCacheApi.after).mockImplementation(() => {
      throw new Error("after() was called outside a request scope");
    });
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(() => revalidateCatalogueAfterEdit({ productIds: ["p1"] })).not.toThrow();
    expect(revalidated).toEqual([listingsTag, productTag("p1")]);
  });
});
