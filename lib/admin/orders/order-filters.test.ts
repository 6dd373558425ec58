import { describe, expect, it } from "vitest";
import { orderWhere, parseOrderQuery, searchWhere } from "./order-filters";

const id = "8F3K2QABCDEFGHJKMNPQRSTVWX";

describe("the orders query string", () => {
  it("falls back to defaults on anything odd", () => {
    expect(parseOrderQuery({})).toEqual({ status: "all", q: "", page: 1 });
    expect(parseOrderQuery({ status: "PAID", q: "  a@b.c ", page: "3" })).toEqual({
      status: "PAID",
      q: "a@b.c",
      page: 3,
    });
    expect(parseOrderQuery({ status: "DROP TABLE", page: "-1" })).toEqual({ status: "all", q: "", page: 1 });
    expect(parseOrderQuery({ status: ["review", "PAID"], page: "x" })).toMatchObject({
      status: "review",
      page: 1,
    });
  });
});

describe("the search box", () => {
  it("finds by email, session id and tx hash, whatever the hash's case", () => {
    expect(searchWhere("0xABCdef")).toEqual({
      OR: [
        { email: { contains: "0xABCdef", mode: "insensitive" } },
        { qbitflowSessionId: "0xABCdef" },
        { txHash: { equals: "0xABCdef", mode: "insensitive" } },
      ],
    });
  });

  it("finds by full order id, in any case", () => {
    expect(searchWhere(id.toLowerCase())?.OR).toContainEqual({ id });
  });

  it("finds by the short code customers quote", () => {
    expect(searchWhere("8f3k-2q")?.OR).toContainEqual({ id: { startsWith: "8F3K2Q" } });
  });

  it("combines the status filter and the search", () => {
    expect(orderWhere({ status: "review", q: "" })).toEqual({
      AND: [{ needsReview: true, reviewedAt: null }],
    });
    expect(orderWhere({ status: "all", q: "" })).toEqual({ AND: [] });
    expect(orderWhere({ status: "refunds", q: "" })).toEqual({ AND: [{ refundStatus: "REQUESTED" }] });
    expect(orderWhere({ status: "PAID", q: "x" }).AND).toHaveLength(2);
  });
});
