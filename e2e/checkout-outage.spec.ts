import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { test, expect } from "@playwright/test";
import { encodeCart } from "../lib/cart/cart-cookie";
import { queryDatabase, seedProduct } from "./helpers";

// Issue 13, item 10: a checkout posted without JavaScript while the database is down must show
// the store's page ("nothing was charged, try again"), not Next's bare error document. A second
// app server from the same build runs against a port where no database listens; the form comes
// from the real server (same build, so the same action ids).

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

let server: ChildProcess | undefined;
let downUrl = "";

test.beforeAll(async () => {
  const port = await freePort();
  downUrl = `http://localhost:${port}`;
  server = spawn("node_modules/.bin/tsx", ["--tsconfig", "tsconfig.server.json", "server.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      APP_URL: downUrl,
      NODE_ENV: "production",
      LIVE_BUS: "memory",
      DATABASE_URL: `postgresql://postgres:postgres@127.0.0.1:${await freePort()}/postgres`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the second server did not start")), 60_000);
    server?.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Ready on")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
});

test.afterAll(() => {
  server?.kill("SIGTERM");
});

/** The checkout form's fields as the cart page renders them (hidden inputs and the email). */
function checkoutFields(html: string): Record<string, string> {
  const end = html.indexOf("</form>", html.indexOf('name="submission"'));
  const form = html.slice(html.lastIndexOf("<form", end), end);
  const fields: Record<string, string> = {};
  for (const [, name, value] of form.matchAll(/<input[^>]*?name="([^"]+)"(?:[^>]*?value="([^"]*)")?/g)) {
    fields[name!.replace(/&quot;/g, '"').replace(/&amp;/g, "&")] = (value ?? "")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
  }
  return fields;
}

test.use({ javaScriptEnabled: false });

test("a no-JS checkout with the database down shows the store's page: nothing was charged", async ({
  page,
  request,
}) => {
  const [variant] = await queryDatabase<{ id: string }>(
    `SELECT v."id" FROM "ProductVariant" v JOIN "Product" p ON p."id" = v."productId" WHERE p."slug" = $1`,
    [seedProduct("trailhead-sticker-pack").slug],
  );
  const cookie = `cart=${encodeCart([{ variantId: variant!.id, quantity: 1 }])}`;
  const cart = await request.get("/cart", { headers: { cookie } });
  const fields = checkoutFields(await cart.text());
  expect(fields.submission).toBeTruthy();

  const posted = await request.post(`${downUrl}/cart`, {
    headers: { cookie, origin: downUrl },
    multipart: fields,
    maxRedirects: 0,
  });
  expect(posted.status()).toBe(303);
  expect(posted.headers().location).toMatch(/\/checkout\/unavailable$/);

  const shown = await page.goto(new URL(posted.headers().location!, downUrl).toString());
  expect(shown?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn't place your order");
  await expect(page.getByText("Nothing was charged.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the cart" })).toBeVisible();
});
