import { test, expect, type APIResponse } from "@playwright/test";
import { addToCart, seedProduct } from "./helpers";

// Issue 13, items 8 and 9: security headers on every kind of route, and honest status codes.

function expectSecurityHeaders(
  response: APIResponse | null,
  kind: "page" | "catalogue" | "webhook" = "page",
) {
  const headers = response?.headers() ?? {};
  const policy = headers["content-security-policy"] ?? "";
  if (kind === "page") {
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(/script-src[^;]*/.exec(policy)?.[0]).not.toContain("unsafe-inline");
    expect(policy).toMatch(/connect-src 'self' ws:\/\/localhost:\d+ wss:\/\/localhost:\d+/);
  } else if (kind === "catalogue") {
    // Served from the cache: no nonce can exist (docs/security.md#headers).
    expect(policy).toMatch(/script-src 'self' 'unsafe-inline';/);
    expect(policy).not.toMatch(/nonce-/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
  } else {
    // JSON for QBitFlow's server, set by next.config.ts without a proxy run: nothing may load.
    expect(policy).toContain("default-src 'none'");
  }
  expect(policy).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // Over plain http in the tests: HSTS only in production over https.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

test("a page, an API route, the webhook and the admin carry the security headers", async ({ request }) => {
  // Pages that handle money, a customer's data or the admin: the strict per-request policy.
  for (const path of ["/cart", "/search?q=tote", "/checkout/unavailable", "/admin/login", "/admin"]) {
    expectSecurityHeaders(await request.get(path, { maxRedirects: 0 }));
  }
  expectSecurityHeaders(await request.get("/api/orders/7QW2M4XK9ZB3N8R5T1V6C0HJDP/status"));
  expectSecurityHeaders(await request.get("/api/cart"));
  expectSecurityHeaders(await request.post("/api/webhooks/qbitflow", { data: "{}" }), "webhook");
  // The prerendered catalogue: every other header, and a policy without a nonce.
  for (const path of ["/", "/collections/paper-goods", "/products/field-notebook"]) {
    expectSecurityHeaders(await request.get(path), "catalogue");
  }
});

test("each page gets a fresh nonce, and its scripts run under the enforced policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const nonce = (response: APIResponse) =>
    /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
  const [first, second] = [await page.request.get("/cart"), await page.request.get("/cart")];
  expect(nonce(first)).toBeTruthy();
  expect(nonce(first)).not.toBe(nonce(second));

  // Client JavaScript works on the prerendered catalogue (no nonce): adding to the cart opens
  // the drawer.
  await addToCart(page, seedProduct("field-notebook"));
  expect(await page.locator("script[nonce]").count()).toBe(0);
  // …and on a per-request page, whose scripts carry the nonce: the quantity change applies in place.
  await page.goto("/cart");
  expect(await page.locator("script[nonce]").count()).toBeGreaterThan(0);
  await page.getByLabel(/^Quantity of/).selectOption("2");
  await expect(page.getByRole("banner").getByTestId("cart-count")).toHaveText(/^2\b/);
  expect(violations).toEqual([]);
});

test.describe("status codes", () => {
  test("an unknown order, and success/cancel links that match no order, answer 404 with a contact", async ({
    page,
  }) => {
    for (const url of [
      "/orders/7QW2M4XK9ZB3N8R5T1V6C0HJDP",
      "/checkout/success",
      "/checkout/success?order=7QW2M4XK9ZB3N8R5T1V6C0HJDP&session=pay@x",
      "/checkout/cancel?order=nope",
    ]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn't find that order");
      await expect(page.getByRole("main").getByRole("link", { name: /^support@/ })).toHaveAttribute(
        "href",
        /^mailto:support@/,
      );
    }
  });

  test("a URL with malformed percent-encoding answers 400, not 500", async ({ request }) => {
    const response = await request.get("/products/%zz");
    expect(response.status()).toBe(400);
    expect(await response.json()).toMatchObject({ code: "malformed_url" });
  });

  test("a cross-site server-action POST is refused with 403, not 500", async ({ request }) => {
    const response = await request.post("/cart", {
      headers: { origin: "https://evil.example", "next-action": "0".repeat(42) },
      form: { email: "" },
    });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ code: "cross_site_request" });
  });
});
