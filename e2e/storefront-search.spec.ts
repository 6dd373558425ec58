import { test, expect } from "@playwright/test";
import { seedProduct } from "./helpers";

// Issue 15, item 2: search, collections.

test("search finds a product by a word of its description, from the header's box", async ({ page }) => {
  const tote = seedProduct("canvas-tote-bag"); // "…room for a market haul or a picnic."
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search the shop" }).fill("picnic");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/search\?q=picnic/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “picnic”");
  await expect(page.getByRole("link", { name: tote.name, exact: true })).toBeVisible();
  await expect(page.getByText("1 product", { exact: true })).toBeVisible();
});

test("a prefix finds products, sorting reorders them, and no match says so", async ({ page }) => {
  await page.goto("/search?q=post&sort=price-desc");
  await expect(page.getByRole("link", { name: seedProduct("coastline-postcard-set").name })).toBeVisible();

  await page.goto("/search?q=co&sort=price-asc"); // coastline, compass, coffee, cotton…
  const names = await page.getByRole("main").getByRole("heading", { level: 3 }).allTextContents();
  expect(names.length).toBeGreaterThan(1);
  await page.getByLabel("Sort by").selectOption("price-desc");
  await page.getByRole("button", { name: "Sort" }).click();
  await page.waitForURL(/sort=price-desc/);
  const reversed = await page.getByRole("main").getByRole("heading", { level: 3 }).allTextContents();
  expect(reversed[0]).not.toBe(names[0]);

  await page.goto("/search?q=%26%7C!zzqx");
  await expect(page.getByText("Nothing matches “&|!zzqx”.")).toBeVisible();
});

test("a collection's page lists its products, and the home page links to it", async ({ page }) => {
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Collections" })
    .getByRole("link", { name: "Paper goods" })
    .click();
  await page.waitForURL("**/collections/paper-goods");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Paper goods");
  await expect(
    page.getByRole("link", { name: seedProduct("field-notebook").name, exact: true }),
  ).toBeVisible();
  expect((await page.request.get("/collections/no-such-collection")).status()).toBe(404);
});

test("sitemap.xml lists the catalogue and robots.txt points to it", async ({ request }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain("/products/canvas-tote-bag</loc>");
  expect(sitemap).toContain("/collections/paper-goods</loc>");
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: http:\/\/localhost:\d+\/sitemap.xml/);
  expect(robots).toContain("Disallow: /admin");
});
