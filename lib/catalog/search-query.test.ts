import { describe, expect, it } from "vitest";
import { parseSort, searchTerms, toTsQuery } from "./search-query";

describe("the search query", () => {
  it("keeps the words, lower-cased, each as a prefix, all required", () => {
    expect(toTsQuery(searchTerms("Field  Notebook"))).toBe("field:* & notebook:*");
    expect(toTsQuery(searchTerms("café crème"))).toBe("café:* & crème:*");
  });

  it("never lets a tsquery operator through", () => {
    const query = toTsQuery(searchTerms("tote & !bag | (x:*) <-> 'a' \\ \"b\""));
    expect(query).toBe("tote:* & bag:* & x:* & a:* & b:*");
    expect(query).not.toMatch(/[|!()<>'"\\]/);
  });

  it("answers nothing to search for an empty or symbol-only query", () => {
    expect(toTsQuery(searchTerms(undefined))).toBeNull();
    expect(toTsQuery(searchTerms("   "))).toBeNull();
    expect(toTsQuery(searchTerms("&|!:*"))).toBeNull();
  });

  it("takes the first of repeated parameters, drops duplicate words, and bounds the size", () => {
    expect(searchTerms(["tote", "ignored"])).toEqual(["tote"]);
    expect(searchTerms("tote TOTE tote")).toEqual(["tote"]);
    expect(searchTerms("a b c d e f g h i j")).toHaveLength(8);
    expect(searchTerms("x".repeat(100))[0]).toHaveLength(40);
    expect(searchTerms(`${"y ".repeat(150)}late`)).not.toContain("late");
  });

  it("sorts by a known order only, featured by default", () => {
    expect(parseSort("price-asc")).toBe("price-asc");
    expect(parseSort(["newest", "price-asc"])).toBe("newest");
    expect(parseSort("price; DROP TABLE")).toBe("featured");
    expect(parseSort(undefined)).toBe("featured");
  });
});
