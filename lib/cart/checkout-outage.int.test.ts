// Issue 13, item 10: checkout with the database down answers the customer (nothing was charged,
// try again) instead of throwing, which a form posted without JavaScript showed as Next's bare
// "Internal Server Error". The app's database here is a port where nothing listens.
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";

// A port that was free a moment ago: connections to it are refused, as with a database that is down.
const port = await new Promise<number>((resolve) => {
  const probe = net.createServer().listen(0, "127.0.0.1", () => {
    const { port: free } = probe.address() as net.AddressInfo;
    probe.close(() => resolve(free));
  });
});
process.env.DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
const { placeOrder, CHECKOUT_UNAVAILABLE } = await import("./place-order");
const { db } = await import("@/lib/db");

afterAll(() => db.$disconnect());

describe("checkout with the database down", () => {
  it("answers with 'nothing was charged, try again' instead of throwing", async () => {
    const form = new FormData();
    form.set("email", "");
    const result = await placeOrder(form, [{ variantId: "01JTESTVARIANT0000000000000", quantity: 1 }]);
    expect(result).toEqual({ ok: false, unavailable: true, message: CHECKOUT_UNAVAILABLE });
    expect(CHECKOUT_UNAVAILABLE).toMatch(/Nothing was charged/);
  });
});
