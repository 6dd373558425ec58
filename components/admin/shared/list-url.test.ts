import { describe, expect, it } from "vitest";
import { adminListUrl } from "./list-url";

describe("adminListUrl", () => {
  it("keeps the filters that are set, in order", () => {
    expect(adminListUrl("/admin/orders", { status: "PAID", q: "a@b.c", page: 3 })).toBe(
      "/admin/orders?status=PAID&q=a%40b.c&page=3",
    );
  });

  it("leaves out defaults: nothing, an empty search, 'all', the first page", () => {
    expect(adminListUrl("/admin/webhooks", { show: "all", q: "", page: 1 })).toBe("/admin/webhooks");
    expect(adminListUrl("/admin/products", { status: undefined, page: 0 })).toBe("/admin/products");
  });
});
