// The public URLs of the prerendered catalogue and the routes that render them. Next prerenders a
// page at build time unless its path has a parameter; a parameter with generateStaticParams()
// answering [] renders on the first visit and caches (ISR). The build needs no database
// (docs/deploy.md), so the home page lives at a route with a parameter, and a product's variant,
// chosen in the query (`?variant=`, shareable, works without JavaScript), is a path segment of the
// route: a query string would make the page render per request. proxy.ts rewrites to these.
// Pure (no Next imports): unit-tested, and imported by proxy.ts.

/** The internal home route: "/" is rewritten to `${HOME_ROUTE}/${HOME_EDITION}`. */
export const HOME_ROUTE = "/home";
export const HOME_EDITION = "storefront";

/** Variant ids are cuid-like: anything else is not worth a cache entry. */
const VARIANT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The route that renders a prerendered catalogue URL, when it differs from the URL itself:
 * "/" → the home route; "/products/tote?variant=abc" → "/products/tote/abc". null: render as is.
 */
export function prerenderedRoute(pathname: string, query: URLSearchParams): string | null {
  if (pathname === "/") return `${HOME_ROUTE}/${HOME_EDITION}`;
  const product = /^\/products\/([^/]+)$/.exec(pathname);
  const variant = query.get("variant");
  if (product && variant && VARIANT_ID.test(variant)) return `/products/${product[1]}/${variant}`;
  return null;
}

/** The shareable URL of a product, with its chosen variant when it is not the default one. */
export function productHref(slug: string, variantId?: string | null): string {
  return variantId ? `/products/${slug}?variant=${encodeURIComponent(variantId)}` : `/products/${slug}`;
}
