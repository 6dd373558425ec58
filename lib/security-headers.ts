// The security headers every response carries, and the request checks proxy.ts makes before
// Next sees a request. Pure (no env, no Next imports), so it is unit-tested as it is.
//
// Two script policies, chosen by path (see docs/security.md#headers):
// - Pages that handle money, a customer's data or the admin: a per-request nonce with
//   'strict-dynamic' (Next puts the nonce on its own scripts when the request carries the policy;
//   the scripts they load inherit the trust). These pages render per request.
// - The prerendered catalogue (home, collections, products): served from Next's cache, so their
//   scripts cannot carry a per-request nonce, and the App Router's inline bootstrap scripts differ
//   per page and per build, so no fixed list of hashes fits them either. They get 'self' plus
//   'unsafe-inline': weaker against an injected inline script, which is why only pages that render
//   no customer's data and no HTML from input get it (Markdown is rendered with html:false).
// Relative, not "@/": next.config.ts imports this file, and its loader does not know the alias.
import { HOME_EDITION, HOME_ROUTE } from "./catalog/catalogue-routes";

export interface PolicyContext {
  /** A fresh nonce for a page rendered per request; null for a prerendered catalogue page. */
  nonce: string | null;
  /** The request's host (host header), for the same-origin WebSocket at /api/live. */
  host: string | null;
  /** Development: React's dev tools need eval, and Turbopack's HMR its own WebSocket. */
  dev: boolean;
}

export function contentSecurityPolicy({ nonce, host, dev }: PolicyContext): string {
  // 'self' covers same-origin ws: only in newer browsers: name the WebSocket origins outright.
  const sockets = host && /^[a-z0-9.:[\]-]+$/i.test(host) ? ` ws://${host} wss://${host}` : "";
  return [
    "default-src 'self'",
    `script-src 'self' ${nonce === null ? "'unsafe-inline'" : `'nonce-${nonce}' 'strict-dynamic'`}${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (React's style={…}, Next's own) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    // No form-action: the checkout form is answered with a redirect to QBitFlow's hosted page,
    // and browsers apply form-action to that redirect too.
  ].join("; ");
}

/**
 * The prerendered catalogue: the home page, collection pages and product pages (with a variant).
 * Everything else (cart, checkout, orders, search, admin, unknown paths) keeps the nonce.
 * The home page's internal route counts too: `next start` sends the rewrite of "/" through the
 * proxy a second time, and a nonce given there was rendered into the cached page while every
 * later visit got another one in its policy, so the browser refused all of the page's scripts.
 */
export function isPrerenderedCataloguePath(pathname: string): boolean {
  return (
    pathname === "/" ||
    pathname === `${HOME_ROUTE}/${HOME_EDITION}` ||
    /^\/(collections|products)\/[^/]+(\/[^/]+)?$/.test(pathname)
  );
}

/** The webhook's policy: it answers QBitFlow's server with JSON, nothing to load or frame. */
export const WEBHOOK_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers for every response, whatever its type. */
export function staticSecurityHeaders({ hsts }: { hsts: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    // Older browsers that ignore frame-ancestors.
    "X-Frame-Options": "DENY",
    ...(hsts ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** A URL path with malformed percent-encoding (/products/%zz): Next would answer 500. */
export function hasMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * A cross-site POST to a page (a server action from another origin). Next refuses it, but with
 * 500 (its CSRF check is hard-coded so, Next 16.4); we refuse it first, with 403. A POST without
 * Origin passes (not a browser; Next lets it through too, and it carries no one's cookies).
 */
export function isCrossSitePagePost(input: {
  method: string;
  pathname: string;
  origin: string | null;
  host: string | null;
}): boolean {
  if (input.method !== "POST" || input.pathname.startsWith("/api/") || input.origin === null) return false;
  if (input.origin === "null" || !input.host) return true;
  try {
    return new URL(input.origin).host !== input.host;
  } catch {
    return true;
  }
}
