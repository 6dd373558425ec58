// Issue 13, items 8 and 9: the policy proxy.ts sends, and the requests it refuses before Next.
import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  hasMalformedPath,
  isPrerenderedCataloguePath,
  isCrossSitePagePost,
  staticSecurityHeaders,
} from "./security-headers";

describe("contentSecurityPolicy", () => {
  it("allows scripts by nonce only, the same-origin WebSocket, and no framing", () => {
    const policy = contentSecurityPolicy({ nonce: "abc", host: "shop.example:3000", dev: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    expect(policy).toContain("connect-src 'self' ws://shop.example:3000 wss://shop.example:3000");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("unsafe-eval");
  });

  it("never echoes a host that is not a host name into the policy", () => {
    const policy = contentSecurityPolicy({ nonce: "n", host: "x; script-src *", dev: false });
    expect(policy).toContain("connect-src 'self';");
  });
});

describe("the prerendered catalogue's policy", () => {
  it("allows same-origin and inline scripts, no nonce, and keeps every other directive", () => {
    const policy = contentSecurityPolicy({ nonce: null, host: "shop.example", dev: false });
    expect(policy).toContain("script-src 'self' 'unsafe-inline';");
    expect(policy).not.toMatch(/nonce|strict-dynamic|unsafe-eval/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
  });

  it("is chosen for the home, collection and product pages only", () => {
    for (const path of [
      "/",
      "/home/storefront", // "/" once rewritten: `next start` runs the proxy on it again
      "/collections/paper-goods",
      "/products/tote",
      "/products/tote/01abc",
    ]) {
      expect(isPrerenderedCataloguePath(path), path).toBe(true);
    }
    for (const path of [
      "/cart",
      "/search",
      "/checkout/success",
      "/orders/7QW2M4XK9ZB3N8R5T1V6C0HJDP",
      "/admin",
      "/admin/products/x",
      "/api/cart",
      "/products",
      "/products/a/b/c",
      "/collections",
      "/images/abc",
      "/home/other",
    ]) {
      expect(isPrerenderedCataloguePath(path), path).toBe(false);
    }
  });
});

describe("staticSecurityHeaders", () => {
  it("sends HSTS only when asked (production over https)", () => {
    expect(staticSecurityHeaders({ hsts: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(staticSecurityHeaders({ hsts: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(staticSecurityHeaders({ hsts: false })["X-Content-Type-Options"]).toBe("nosniff");
  });
});

describe("requests refused before Next", () => {
  it("a path with malformed percent-encoding", () => {
    expect(hasMalformedPath("/products/%zz")).toBe(true);
    expect(hasMalformedPath("/products/caf%C3%A9")).toBe(false);
  });

  it("a POST to a page from another origin, or from an opaque one", () => {
    const post = { method: "POST", pathname: "/cart", host: "shop.example" };
    expect(isCrossSitePagePost({ ...post, origin: "https://evil.example" })).toBe(true);
    expect(isCrossSitePagePost({ ...post, origin: "null" })).toBe(true);
    expect(isCrossSitePagePost({ ...post, origin: "https://shop.example" })).toBe(false);
    expect(isCrossSitePagePost({ ...post, origin: null })).toBe(false);
    expect(isCrossSitePagePost({ ...post, pathname: "/api/webhooks/qbitflow", origin: "https://x" })).toBe(
      false,
    );
  });
});
