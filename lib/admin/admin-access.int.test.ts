// Every admin page, action and route handler refuses a request without a valid session; with
// one, they work. next/headers is replaced by a cookie jar the test controls, so the real pages
// and 'use server' actions run as Next would call them.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createPendingOrder } from "@/lib/orders/order-store";
import { createTestProduct, deleteTestProducts } from "@/lib/test/fixtures";
import { SESSION_COOKIE, signSession } from "./session/session-token";

// Hoisted above the imports: lib/env.ts reads the environment once, on first use.
const password = vi.hoisted(() => (process.env.ADMIN_PASSWORD = "admin-password-for-the-tests"));
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string) => jar.set(name, value),
    delete: (name: string) => jar.delete(name),
  }),
  headers: async () => new Headers({ "x-forwarded-for": "192.0.2.10" }),
}));

const { markReviewed, refund, restockRefund } = await import("./orders/actions");
const { replay, reconcile } = await import("./webhooks/actions");
const { GET: exportCsv } = await import("@/app/admin/(console)/orders/export/route");
const { markOrderReviewed } = await import("./orders/review-operations");

const PAGES = {
  "/admin": () => import("@/app/admin/(console)/page"),
  "/admin/orders": () => import("@/app/admin/(console)/orders/page"),
  "/admin/orders/[id]": () => import("@/app/admin/(console)/orders/[id]/page"),
  "/admin/webhooks": () => import("@/app/admin/(console)/webhooks/page"),
  "/admin/webhooks/events/[eventId]": () => import("@/app/admin/(console)/webhooks/events/[eventId]/page"),
  "/admin/webhooks/deliveries/[id]": () => import("@/app/admin/(console)/webhooks/deliveries/[id]/page"),
  "/admin/products": () => import("@/app/admin/(console)/products/page"),
  "/admin/products/new": () => import("@/app/admin/(console)/products/new/page"),
  "/admin/products/[id]": () => import("@/app/admin/(console)/products/[id]/page"),
  "/admin/collections": () => import("@/app/admin/(console)/collections/page"),
  "/admin/collections/[id]": () => import("@/app/admin/(console)/collections/[id]/page"),
  "(layout)": () => import("@/app/admin/(console)/layout"),
};

const productIds: string[] = [];
afterAll(async () => {
  await deleteTestProducts(productIds);
  await db.$disconnect();
});

async function flaggedOrder() {
  const product = await createTestProduct({ stock: 5 });
  productIds.push(product.id);
  const order = await createPendingOrder({ lines: [{ variantId: product.variantId, quantity: 1 }] });
  await db.order.update({
    where: { id: order.id },
    data: { status: "PAID", needsReview: true, reviewReason: "paid $0.50 for an order of $1.99" },
  });
  return order;
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** The digest Next's redirect() throws, e.g. "NEXT_REDIRECT;replace;/admin/login;307;". */
async function redirectOf(run: () => unknown): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (digest?.startsWith("NEXT_REDIRECT")) return digest.split(";")[2];
    throw error;
  }
  return undefined;
}

const exportRequest = (query: string, cookie?: string) =>
  new Request(`http://localhost/admin/orders/export?${query}`, {
    headers: cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {},
  });

const noSession = [
  ["no cookie", undefined],
  ["a forged cookie", "eyJ2IjoxLCJleHAiOjk5OTk5OTk5OTk5OTl9.forged"],
  ["a cookie signed with another password", signSession("another-admin-password")],
  ["an expired cookie", signSession(password, Date.now() - 13 * 60 * 60 * 1000)],
] as const;

describe.each(noSession)("without a valid session (%s)", (_, cookie) => {
  beforeEach(() => {
    jar.clear();
    if (cookie) jar.set(SESSION_COOKIE, cookie);
  });

  it.each(Object.entries(PAGES))("the page %s sends to the login page", async (_, load) => {
    const { default: Page } = await load();
    const props = {
      params: Promise.resolve({ id: "0".repeat(26), eventId: "evt_x" }),
      searchParams: Promise.resolve({}),
      children: null,
    };
    expect(await redirectOf(() => (Page as (props: unknown) => unknown)(props))).toBe("/admin/login");
  });

  it("'mark reviewed' is refused and changes nothing", async () => {
    const order = await flaggedOrder();
    const result = await markReviewed(null, form({ orderId: order.id, note: "looks fine" }));
    expect(result).toMatchObject({ ok: false, signedOut: true });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      reviewedAt: null,
      reviewNote: null,
    });
  });

  it("replay and reconcile are refused", async () => {
    const event = await db.webhookEvent.create({
      data: { eventId: `evt_${crypto.randomUUID()}`, type: "webhook.test", rawBody: "{}" },
    });
    expect(await replay(null, form({ eventId: event.eventId }))).toMatchObject({
      ok: false,
      signedOut: true,
    });
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      replays: 0,
    });
    expect(await reconcile(null)).toMatchObject({ ok: false, signedOut: true });
  });

  it("refund and restock are refused before QBitFlow is asked, and change nothing", async () => {
    const order = await flaggedOrder();
    expect(await refund(null, form({ orderId: order.id, amount: "full" }))).toMatchObject({
      ok: false,
      signedOut: true,
    });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      refundStatus: "NONE",
    });
    expect(await restockRefund(null, form({ orderId: order.id }))).toMatchObject({
      ok: false,
      signedOut: true,
    });
  });

  it("the CSV export answers 401", async () => {
    const response = await exportCsv(exportRequest("from=2026-01-01&to=2026-12-31", cookie));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "unauthorized" });
  });
});

describe("with a valid session", () => {
  const session = signSession(password);

  it("the pages render", async () => {
    jar.set(SESSION_COOKIE, session);
    const { default: Orders } = await PAGES["/admin/orders"]();
    expect(await Orders({ searchParams: Promise.resolve({ q: "nobody@example.com" }) })).toBeTruthy();
  });

  it("'mark reviewed' closes the review with the note and leaves the status alone", async () => {
    const order = await flaggedOrder();
    const before = await db.orderStatusChange.count({ where: { orderId: order.id } });
    const result = await markOrderReviewed(session, form({ orderId: order.id, note: "Refunded the $1.49." }));
    expect(result).toEqual({ ok: true, message: "Marked as reviewed." });
    const stored = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(stored).toMatchObject({ status: "PAID", needsReview: true, reviewNote: "Refunded the $1.49." });
    expect(stored.reviewedAt).toBeInstanceOf(Date);
    expect(await db.orderStatusChange.count({ where: { orderId: order.id } })).toBe(before);
    // A second click finds nothing left to review.
    expect(await markOrderReviewed(session, form({ orderId: order.id, note: "" }))).toMatchObject({
      ok: false,
    });
  });

  it("the CSV export checks the range and downloads the orders in it", async () => {
    const bad = await exportCsv(exportRequest("from=2026-13-01&to=2026-12-31", session));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "invalid_range" });

    const order = await flaggedOrder();
    await db.order.update({ where: { id: order.id }, data: { email: "=cmd|'/c calc'!A1@example.com" } });
    const day = new Date().toISOString().slice(0, 10);
    const response = await exportCsv(exportRequest(`from=${day}&to=${day}`, session));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="orders-${day}-to-${day}.csv"`,
    );
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toBe(
      "order id,code,created,status,total USD,email,session id,tx hash,paid at,amount paid USD,needs review,refund status,refund percent,refund amount USD,refunded at,item,variant,SKU,quantity,unit price USD",
    );
    const row = lines.find((line) => line.startsWith(order.id));
    expect(row).toContain(",PAID,1.99,'=cmd|'/c calc'!A1@example.com,");
    expect(row).toMatch(/,yes,,,,,Test product \w+,,,1,1\.99$/);
  });

  it("the CSV export has one row per line item, with its variant and SKU", async () => {
    const tote = await createTestProduct({
      name: "Tote",
      priceCents: 300,
      option: { name: "Size", values: ["S", "M"] },
      variants: [
        { values: ["S"], stock: 5, sku: `S-${Date.now()}` },
        { values: ["M"], stock: 5, priceCents: 350, sku: `M-${Date.now()}` },
      ],
    });
    productIds.push(tote.id);
    const order = await createPendingOrder({
      lines: [
        { variantId: tote.variants[1]!.id, quantity: 2 },
        { variantId: tote.variants[0]!.id, quantity: 1 },
      ],
    });
    const day = new Date().toISOString().slice(0, 10);
    const response = await exportCsv(exportRequest(`from=${day}&to=${day}`, session));
    const rows = (await response.text()).split("\r\n").filter((line) => line.startsWith(order.id));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(new RegExp(`,10\\.00,.*,Tote,M,${tote.variants[1]!.sku},2,3\\.50$`));
    expect(rows[1]).toMatch(new RegExp(`,10\\.00,.*,Tote,S,${tote.variants[0]!.sku},1,3\\.00$`));
  });
});
