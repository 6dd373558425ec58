import type { MetadataRoute } from "next";
import { getAppUrl } from "@/lib/env";

export default function robots(): MetadataRoute.Robots {
  return {
    // The shop's pages only: carts, checkouts, orders and the admin are nobody's search result.
    rules: { userAgent: "*", allow: "/", disallow: ["/cart", "/checkout/", "/orders/", "/admin", "/api/"] },
    sitemap: new URL("/sitemap.xml", getAppUrl()).toString(),
  };
}
