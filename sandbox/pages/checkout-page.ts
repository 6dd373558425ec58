/**
 * The hosted checkout page at the session `link`. Everything is rendered on the server and Pay /
 * Fail / Cancel are plain forms, so the page works without JavaScript (like the store's own
 * checkout); the script then takes over the same markup and follows the session live.
 */
import type { PageView } from "../checkout/views";
import { DEFAULT_CURRENCY_ID } from "../checkout/currencies";
import { CHECKOUT_SCRIPT } from "./checkout-script";
import { CHECKOUT_STYLES } from "./checkout-styles";
import { escapeHtml as e, jsonForScript } from "./html";

export interface PageExtras {
  /** Why the last form post was refused (the page is answered with that status). */
  error?: string;
  /** The customer pressed Cancel and the shop gave no cancelUrl. */
  cancelled?: boolean;
}

const FAILURE_CODES = ["insufficient_funds", "token_not_approved", "reverted"];
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const hidden = (shown: boolean) => (shown ? "" : " hidden");

export function renderCheckoutPage(view: PageView, extras: PageExtras = {}, nowMs = Date.now()): string {
  const org = e(view.organizationName);
  const base = `/checkout/${e(view.uuid)}`;
  const st = extras.cancelled ? "cancelled" : view.status;
  const selected = view.currencies.find((c) => c.id === DEFAULT_CURRENCY_ID) ?? view.currencies[0];
  const attempt = view.lastAttempt;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Pay ${org} · ${e(view.productName)} · QBitFlow</title>
${refresh(view, st)}<style>${CHECKOUT_STYLES}</style>
</head>
<body>
<header class="topbar">
  <div class="brand"><span class="logo" aria-hidden="true">Q</span><span>QBitFlow Checkout</span></div>
  ${view.test ? '<span class="badge" title="Payments run on testnets with faucet funds">Test mode · sandbox</span>' : ""}
</header>
<main>
  <section class="card" aria-labelledby="product-name">
    <p class="merchant">${org}</p>
    <h1 id="product-name">${e(view.productName)}</h1>
    <p class="description" id="description"${hidden(Boolean(view.description))}>${e(view.description ?? "")}</p>
    <div class="amount" id="amount" aria-label="Amount due">${usd.format(view.amount)}</div>
    <ul class="lines" id="lines" aria-label="Order summary">${summaryLines(view)}</ul>
    <p class="ref">Checkout <span id="session-id">${e(view.uuid)}</span></p>
  </section>

  <section class="card" aria-labelledby="pay-heading">
    <h2 id="pay-heading">Payment</h2>
    <div id="live" role="status" aria-live="polite" class="sr-only"></div>
    <div id="error" class="notice error" role="alert"${hidden(Boolean(extras.error))}>${e(extras.error ?? "")}</div>

    <div id="open-view"${hidden(st === "created")}>
      <div id="last-attempt" class="notice error"${hidden(Boolean(attempt))}>${
        attempt
          ? `Your last attempt failed (${e(attempt.code)}): ${e(attempt.message)} You can try again.`
          : ""
      }</div>
      <div class="timer" id="timer"><span>Time left to pay</span><strong id="countdown" aria-live="off">${countdown(view.expiresAt, nowMs)}</strong></div>
      <form method="post" action="${base}/actions/pay" id="pay-form">
        <label for="currency">Pay with</label>
        <select id="currency" name="currencyId">${view.currencies
          .map((c) => `<option value="${c.id}"${c === selected ? " selected" : ""}>${e(c.label)}</option>`)
          .join("")}</select>
        <p class="quote" id="quote">${selected ? `You pay ${e(selected.quote)} plus the network fee` : ""}</p>
        <div class="wallet" role="group" aria-labelledby="wallet-title">
          <p class="wallet-title" id="wallet-title">Simulated wallet</p>
          <p class="wallet-note">These buttons stand in for the customer's wallet. Nothing is sent on chain.</p>
          <button type="submit" class="primary" id="pay">Pay</button>
          <div class="row">
            <div>
              <label for="failure-code">Failure code</label>
              <select id="failure-code" name="code">${FAILURE_CODES.map((code) => `<option value="${code}">${code}</option>`).join("")}</select>
            </div>
            <button type="submit" class="secondary" id="fail" formaction="${base}/actions/fail">Fail attempt</button>
          </div>
        </div>
      </form>
      <form method="post" action="${base}/actions/cancel"><button type="submit" class="link" id="cancel">Cancel</button></form>
    </div>

    <div id="waiting-view" class="state"${hidden(st === "waitingConfirmation")}>
      <div class="spinner" aria-hidden="true"></div>
      <p><strong>Waiting for confirmation</strong></p>
      <p class="quote" id="waiting-detail">Paying with ${e(view.payingWith ?? "crypto")}. This usually takes a few seconds.</p>
      <p class="hash" id="tx-hash">${view.txHash ? `Transaction ${e(view.txHash)}` : ""}</p>
      <p><a id="explorer" target="_blank" rel="noopener noreferrer"${view.explorerUrl ? ` href="${e(view.explorerUrl)}"` : " hidden"}>View on explorer</a></p>
    </div>

    <div id="done-view" class="state ok"${hidden(st === "completed")}>
      <div class="icon" aria-hidden="true">✓</div>
      <p><strong>Payment received</strong></p>
      <p class="quote" id="done-detail">${view.successRedirect ? `Returning you to ${org}…` : "You can close this window."}</p>
      <p><a id="continue"${view.successRedirect ? ` href="${e(view.successRedirect)}"` : " hidden"}>Return to ${org}</a></p>
      <p><a id="invoice" href="${base}/invoice">Invoice and refunds</a></p>
    </div>

    <div id="expired-view" class="state expired"${hidden(st === "expired")}>
      <div class="icon" aria-hidden="true">⏱</div>
      <p><strong>This checkout has expired</strong></p>
      <p class="quote" id="expired-detail">${e(view.message ?? "The time to pay ran out.")}</p>
    </div>

    <div id="cancelled-view" class="state expired"${hidden(st === "cancelled")}>
      <p><strong>Payment cancelled</strong></p>
      <p class="quote">You can close this window.</p>
    </div>
  </section>
  <p class="footer">Local QBitFlow sandbox · no real funds move</p>
</main>
<script type="application/json" id="initial-state">${jsonForScript({ ...view, cancelled: Boolean(extras.cancelled) })}</script>
<script>${CHECKOUT_SCRIPT}</script>
</body>
</html>`;
}

/** Without JavaScript nothing pushes changes: reload while confirming, then go back to the shop. */
function refresh(view: PageView, status: string): string {
  if (status === "waitingConfirmation")
    return '<noscript><meta http-equiv="refresh" content="2"></noscript>\n';
  if (status === "completed" && view.successRedirect) {
    return `<noscript><meta http-equiv="refresh" content="2;url=${e(view.successRedirect)}"></noscript>\n`;
  }
  return "";
}

function summaryLines(view: PageView): string {
  const line = (label: string, value: number, cls = "") =>
    `<li${cls ? ` class="${cls}"` : ""}><span>${e(label)}</span><span>${usd.format(value)}</span></li>`;
  const fees = view.fees?.items ?? [];
  const sum = fees.reduce((total, fee) => total + fee.amountUsd, view.price);
  return [
    line(view.productName, view.price),
    ...fees.map((fee) => line(fee.label, fee.amountUsd)),
    view.amount - sum > 0.004 ? line("Processing fee", view.amount - sum) : "",
    line("Total", view.amount, "total"),
  ].join("");
}

function countdown(expiresAt: string, nowMs: number): string {
  const s = Math.ceil(Math.max(0, Date.parse(expiresAt) - nowMs) / 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h > 0 ? `${h}:${pad(m)}` : pad(m)}:${pad(s % 60)}`;
}

export function renderNotFoundPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Checkout not found · QBitFlow</title><style>${CHECKOUT_STYLES}</style></head>
<body><header class="topbar"><div class="brand"><span class="logo" aria-hidden="true">Q</span><span>QBitFlow Checkout</span></div></header>
<main><section class="card" style="grid-column:1/-1"><h1>Checkout not found</h1><p class="description">This payment link is unknown or no longer available.</p></section></main></body></html>`;
}
