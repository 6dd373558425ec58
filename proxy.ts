// Next's proxy (formerly middleware): runs before every route. It sets the security headers
// (lib/security-headers.ts): a fresh CSP nonce per request, except on the prerendered catalogue
// pages, which are served from Next's cache; it refuses two kinds of request with a clear status
// instead of the 500 Next would give: a malformed URL (400) and a cross-site server-action POST
// (403); and it maps two public URLs onto the prerendered routes (lib/catalog/catalogue-routes.ts).
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { prerenderedRoute } from "@/lib/catalog/catalogue-routes";
import {
  contentSecurityPolicy,
  isPrerenderedCataloguePath,
  hasMalformedPath,
  isCrossSitePagePost,
  staticSecurityHeaders,
} from "@/lib/security-headers";

export function proxy(request: NextRequest): NextResponse {
  const env = getEnv();
  const fixed = staticSecurityHeaders({
    hsts: env.NODE_ENV === "production" && env.APP_URL.startsWith("https://"),
  });
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const refuse = (status: number, code: string, error: string) => {
    const response = NextResponse.json({ error, code }, { status });
    for (const [name, value] of Object.entries(fixed)) response.headers.set(name, value);
    return response;
  };

  if (hasMalformedPath(request.nextUrl.pathname)) {
    return refuse(400, "malformed_url", "The URL has malformed percent-encoding.");
  }
  if (
    isCrossSitePagePost({
      method: request.method,
      pathname: request.nextUrl.pathname,
      origin: request.headers.get("origin"),
      host,
    })
  ) {
    return refuse(403, "cross_site_request", "Cross-site form posts are not accepted.");
  }

  const dev = env.NODE_ENV === "development";
  const { pathname } = request.nextUrl;
  if (isPrerenderedCataloguePath(pathname)) {
    // No nonce: the page comes from the cache (or is rendered once into it).
    const rewrite = prerenderedRoute(pathname, request.nextUrl.searchParams);
    const response = rewrite ? NextResponse.rewrite(internalUrl(request, rewrite)) : NextResponse.next();
    response.headers.set("Content-Security-Policy", contentSecurityPolicy({ nonce: null, host, dev }));
    return withHeaders(response);
  }

  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy({ nonce, host, dev });
  // Next reads the nonce from the request's policy and puts it on its scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return withHeaders(response);

  function withHeaders(response: NextResponse): NextResponse {
    for (const [name, value] of Object.entries(fixed)) response.headers.set(name, value);
    return response;
  }
}

export const config = {
  // Not Next's hashed static files (immutable, typed by Next, no HTML to protect), nor the
  // webhook (next.config.ts gives it fixed headers: it is the hot path, and serves no HTML).
  matcher: ["/((?!_next/static|_next/image|api/webhooks/).*)"],
};

/**
 * The route to render, on Next's own idea of this server's URL (nextUrl). Built from the request's
 * URL instead, `next start --hostname 127.0.0.1` took it for another origin and sent it back
 * through the proxy as a new request.
 */
function internalUrl(request: NextRequest, pathname: string): URL {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  url.search = "";
  return url;
}
