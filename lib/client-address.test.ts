// Issue 13, item 7: the address the login and checkout limits key on is the one the host vouches
// for. A client that rotates X-Forwarded-For must stay one client, and one that sends the admin's
// address must not be taken for the admin.
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress, normalizeAddress, type AddressPolicy } from "./client-address";

const nodeHost: AddressPolicy = { trustedProxyHops: 0, onVercel: false, socketHeaderTrusted: true };
const headers = (values: Record<string, string>) => new Headers(values);

describe("clientAddress on a plain Node host (server.ts, no proxy)", () => {
  it("is the socket's address whatever X-Forwarded-For and X-Real-IP say", () => {
    for (const forged of ["198.51.100.1", "198.51.100.2", "192.0.2.10, 10.0.0.1"]) {
      const request = headers({
        "x-forwarded-for": forged,
        "x-real-ip": forged,
        [CLIENT_ADDRESS_HEADER]: "203.0.113.7",
      });
      expect(clientAddress(request, nodeHost)).toBe("203.0.113.7");
    }
  });

  it("reads an IPv4-mapped socket address as IPv4", () => {
    expect(clientAddress(headers({ [CLIENT_ADDRESS_HEADER]: "::ffff:127.0.0.1" }), nodeHost)).toBe(
      "127.0.0.1",
    );
  });

  it("believes the socket header only when server.ts set it; otherwise the client is unknown", () => {
    const request = headers({ "x-forwarded-for": "192.0.2.10", [CLIENT_ADDRESS_HEADER]: "192.0.2.10" });
    expect(clientAddress(request, { ...nodeHost, socketHeaderTrusted: false })).toBe("unknown");
  });
});

describe("clientAddress behind TRUSTED_PROXY_HOPS reverse proxies", () => {
  it("counts the trusted hops from the right: what the client wrote on the left is ignored", () => {
    const request = headers({
      "x-forwarded-for": "192.0.2.10, 203.0.113.7",
      [CLIENT_ADDRESS_HEADER]: "10.0.0.2",
    });
    expect(clientAddress(request, { ...nodeHost, trustedProxyHops: 1 })).toBe("203.0.113.7");
    expect(clientAddress(request, { ...nodeHost, trustedProxyHops: 2 })).toBe("192.0.2.10");
  });

  it("works without server.ts too (next start): the nearest proxy's entry is the last one", () => {
    const request = headers({ "x-forwarded-for": "192.0.2.10, 203.0.113.7" });
    expect(clientAddress(request, { trustedProxyHops: 1, onVercel: false, socketHeaderTrusted: false })).toBe(
      "203.0.113.7",
    );
  });

  it("refuses what is not an address", () => {
    const request = headers({ "x-forwarded-for": "'; DROP TABLE", [CLIENT_ADDRESS_HEADER]: "10.0.0.2" });
    expect(clientAddress(request, { ...nodeHost, trustedProxyHops: 1 })).toBe("unknown");
  });
});

describe("clientAddress on Vercel", () => {
  it("takes Vercel's x-vercel-forwarded-for, then its x-forwarded-for", () => {
    const vercel: AddressPolicy = { trustedProxyHops: 0, onVercel: true, socketHeaderTrusted: false };
    expect(
      clientAddress(
        headers({ "x-vercel-forwarded-for": "203.0.113.7", "x-forwarded-for": "192.0.2.10" }),
        vercel,
      ),
    ).toBe("203.0.113.7");
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.8" }), vercel)).toBe("203.0.113.8");
  });
});

describe("normalizeAddress", () => {
  it("keeps IPv4 and IPv6, unwraps brackets and mapped IPv4, refuses the rest", () => {
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(normalizeAddress("[2001:db8::1]")).toBe("2001:db8::1");
    expect(normalizeAddress("::FFFF:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("unknown")).toBeNull();
  });
});
