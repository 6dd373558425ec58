import AxeBuilder from "@axe-core/playwright";
import { test, expect, type Page } from "@playwright/test";
import {
  archiveProduct,
  createProduct,
  setCart,
  variantsOnSale,
  type TestProduct,
} from "./catalogue-fixtures";

// Issue 15, item 5 and the axe target: every storefront page at phone and desktop widths, with a
// full cart and a long store name: nothing scrolls sideways, and axe finds nothing.

const pages = [
  "/",
  "/collections/paper-goods",
  "/products/canvas-tote-bag",
  "/search?q=paper",
  "/search?q=zzqx",
  "/cart",
];

let extra: TestProduct;
test.beforeAll(async () => {
  // 99 items need ten lines of at most ten: more variants than the demo catalogue has.
  extra = await createProduct({ name: "Wide poster", priceCents: 120, stock: 50, sizes: ["A3", "A2"] });
});
test.afterAll(async () => {
  await archiveProduct(extra);
});

async function fillCart(page: Page, baseURL: string) {
  const variants = (await variantsOnSale()).slice(0, 10);
  expect(variants.length).toBe(10);
  await setCart(
    page.context(),
    baseURL,
    variants.map((variantId, index) => ({ variantId, quantity: index === 0 ? 9 : 10 })),
  );
}

async function lengthenStoreName(page: Page) {
  await page.evaluate(() => {
    const name = document.querySelector("header a[href='/'] span");
    if (name) name.textContent = "The Extraordinarily Long-Named Northwind Trading & Supply Company Ltd.";
  });
}

test("at 360 px nothing scrolls sideways on any storefront page, with 99 items in the cart", async ({
  page,
  baseURL,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await fillCart(page, baseURL!);
  for (const path of pages) {
    await page.goto(path);
    await lengthenStoreName(page);
    await expect(page.getByRole("banner").getByTestId("cart-count")).toHaveText(/^99\b/);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth, path).toBeLessThanOrEqual(innerWidth);
  }
});

for (const width of [390, 1280]) {
  test(`axe finds no violations on the storefront pages at ${width} px`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width, height: 900 });
    await fillCart(page, baseURL!);
    for (const path of pages) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(
        results.violations.map(
          (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`,
        ),
        path,
      ).toEqual([]);
    }
  });
}

test("a keyboard user's focus is never hidden under the sticky header", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await page.goto("/collections/for-the-trail");
  const padding = await page.evaluate(() => getComputedStyle(document.documentElement).scrollPaddingTop);
  expect(parseFloat(padding)).toBeGreaterThanOrEqual(64);
  // Tab down the page: whatever has focus stays below the header.
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press("Tab");
    const { top, headerBottom, inHeader } = await page.evaluate(() => ({
      top: document.activeElement?.getBoundingClientRect().top ?? 0,
      headerBottom: document.querySelector("header")?.getBoundingClientRect().bottom ?? 0,
      // The header itself, and the skip link (fixed at the top, over it, by design).
      inHeader:
        document.activeElement === document.body ||
        Boolean(document.activeElement?.closest("header, a[href='#main']")),
    }));
    if (!inHeader) expect(top, `Tab ${i}`).toBeGreaterThanOrEqual(headerBottom - 1);
  }
});
