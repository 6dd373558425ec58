// Commit → DOM in a real browser: Chromium (launched as playwright.config.ts launches it) opens
// /orders/<id>, waits for the live transport, and a MutationObserver notes when the heading's
// `data-status` becomes CONFIRMING. A wrapper around the page's WebSocket notes when the
// snapshot message reached the page, before the app's own handler ran, so the browser's share
// (parse, React Query, React render) can be told from the server's.
//
// Browser-side code is passed as strings: tsx compiles this file with esbuild, whose helpers
// (e.g. __name) would not exist in the page if a compiled function were serialized.
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "@playwright/test";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
// The flags of playwright.config.ts.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

// Runs before the app's scripts on every navigation.
const WRAP_WEBSOCKET = `(() => {
  const Native = window.WebSocket;
  window.__benchWsConfirming = null;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        const at = performance.timeOrigin + performance.now();
        if (typeof event.data === "string" && event.data.includes('"status":"CONFIRMING"')) {
          window.__benchWsConfirming ??= at;
        }
      });
    }
  };
})()`;

const WATCH_HEADING = `(() => {
  const confirming = () => document.querySelector("h1[data-status]")?.getAttribute("data-status") === "CONFIRMING";
  window.__benchDone = new Promise((resolve) => {
    if (confirming()) return resolve({ error: "already CONFIRMING before the commit" });
    const finish = (dom) => {
      const settle = (frame) => resolve({ dom, frame, ws: window.__benchWsConfirming });
      const fallback = setTimeout(() => settle(null), 1000);
      requestAnimationFrame(() => { clearTimeout(fallback); settle(performance.timeOrigin + performance.now()); });
    };
    const observer = new MutationObserver(() => {
      if (!confirming()) return;
      const at = performance.timeOrigin + performance.now();
      observer.disconnect();
      finish(at);
    });
    observer.observe(document.body, {
      subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["data-status"],
    });
    setTimeout(() => { observer.disconnect(); resolve({ error: "no CONFIRMING heading within 10 s" }); }, 10000);
  });
})()`;

export interface PageTimes {
  /** The heading showed CONFIRMING (MutationObserver, before paint). */
  dom: number;
  /** The next animation frame after that, or null if none came within 1 s. */
  frame: number | null;
  /** The snapshot message reached the page's WebSocket. */
  ws: number | null;
}

export interface BrowserSession {
  page: Page;
  /** Browser clock − Node clock, in ms, from the best of several round trips, and its uncertainty. */
  clockOffset: { ms: number; uncertaintyMs: number };
  version: string;
  close(): Promise<void>;
}

export async function openBrowser(now: () => number): Promise<BrowserSession> {
  const system = existsSync(SYSTEM_CHROMIUM);
  const browser: Browser = await chromium.launch(
    system ? { executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_ARGS } : {},
  );
  const context = await browser.newContext();
  await context.addInitScript({ content: WRAP_WEBSOCKET });
  const page = await context.newPage();
  await page.goto("about:blank");
  let best = { ms: 0, uncertaintyMs: Infinity };
  for (let i = 0; i < 30; i++) {
    const before = now();
    const browserNow = await page.evaluate<number>("performance.timeOrigin + performance.now()");
    const after = now();
    const half = (after - before) / 2;
    if (half < best.uncertaintyMs) best = { ms: browserNow - (before + half), uncertaintyMs: half };
  }
  return {
    page,
    clockOffset: best,
    version: `${system ? SYSTEM_CHROMIUM : "Playwright's Chromium"} ${browser.version()}`,
    close: () => browser.close(),
  };
}

/** Opens the order page and waits until its WebSocket delivers (data-transport="live"). */
export async function openOrderPage(page: Page, appUrl: URL, orderId: string): Promise<void> {
  await page.goto(new URL(`/orders/${orderId}`, appUrl).href);
  await page.waitForSelector('[data-transport="live"]', { timeout: 15_000 });
  const status = await page.getAttribute("h1[data-status]", "data-status");
  if (status !== "PENDING") throw new Error(`order ${orderId} shows ${status}, expected PENDING`);
}

export async function watchHeading(page: Page): Promise<void> {
  await page.evaluate(WATCH_HEADING);
}

export async function headingTimes(page: Page): Promise<PageTimes> {
  const result = await page.evaluate<PageTimes | { error: string }>("window.__benchDone");
  if ("error" in result) throw new Error(result.error);
  return result;
}
