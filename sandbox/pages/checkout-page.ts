/** The hosted checkout page at the session `link` (server-rendered, then live over its WebSocket). */
import { CHECKOUT_SCRIPT } from "./checkout-script";
import { CHECKOUT_STYLES } from "./checkout-styles";
import { escapeHtml, jsonForScript } from "./html";

export function renderCheckoutPage(view: Record<string, unknown>): string {
  const org = escapeHtml(String(view.organizationName));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Pay ${org} · ${escapeHtml(String(view.productName))} · QBitFlow</title>
<style>${CHECKOUT_STYLES}</style>
</head>
<body>
<header class="topbar">
  <div class="brand"><span class="logo" aria-hidden="true">Q</span><span>QBitFlow Checkout</span></div>
  ${view.test === true ? '<span class="badge" title="Payments run on testnets with faucet funds">Test mode · sandbox</span>' : ""}
</header>
<main>
  <section class="card" aria-labelledby="product-name">
    <p class="merchant">${org}</p>
    <h1 id="product-name"></h1>
    <p class="description" id="description"></p>
    <div class="amount" id="amount" aria-label="Amount due"></div>
    <ul class="lines" id="lines" aria-label="Order summary"></ul>
    <p class="ref">Checkout <span id="session-id"></span></p>
  </section>

  <section class="card" aria-labelledby="pay-heading">
    <h2 id="pay-heading">Payment</h2>
    <div id="live" role="status" aria-live="polite" class="sr-only"></div>
    <div id="error" class="notice error" role="alert" hidden></div>

    <div id="open-view">
      <div id="last-attempt" class="notice error" hidden></div>
      <div class="timer" id="timer"><span>Time left to pay</span><strong id="countdown" aria-live="off">--:--</strong></div>
      <label for="currency">Pay with</label>
      <select id="currency" name="currency"></select>
      <p class="quote" id="quote"></p>
      <div class="wallet" role="group" aria-labelledby="wallet-title">
        <p class="wallet-title" id="wallet-title">Simulated wallet</p>
        <p class="wallet-note">These buttons stand in for the customer's wallet. Nothing is sent on chain.</p>
        <button type="button" class="primary" id="pay">Pay</button>
        <div class="row">
          <div>
            <label for="failure-code">Failure code</label>
            <select id="failure-code" name="failure-code">
              <option value="insufficient_funds">insufficient_funds</option>
              <option value="token_not_approved">token_not_approved</option>
              <option value="reverted">reverted</option>
            </select>
          </div>
          <button type="button" class="secondary" id="fail">Fail attempt</button>
        </div>
      </div>
      <button type="button" class="link" id="cancel">Cancel</button>
    </div>

    <div id="waiting-view" class="state" hidden>
      <div class="spinner" aria-hidden="true"></div>
      <p><strong>Waiting for confirmation</strong></p>
      <p class="quote" id="waiting-detail"></p>
      <p class="hash" id="tx-hash"></p>
      <p><a id="explorer" target="_blank" rel="noopener noreferrer">View on explorer</a></p>
    </div>

    <div id="done-view" class="state ok" hidden>
      <div class="icon" aria-hidden="true">✓</div>
      <p><strong>Payment received</strong></p>
      <p class="quote" id="done-detail"></p>
      <p><a id="continue" hidden>Return to ${org}</a></p>
    </div>

    <div id="expired-view" class="state expired" hidden>
      <div class="icon" aria-hidden="true">⏱</div>
      <p><strong>This checkout has expired</strong></p>
      <p class="quote" id="expired-detail"></p>
    </div>

    <div id="cancelled-view" class="state expired" hidden>
      <p><strong>Payment cancelled</strong></p>
      <p class="quote">You can close this window.</p>
    </div>
  </section>
  <p class="footer">Local QBitFlow sandbox · no real funds move</p>
</main>
<script type="application/json" id="initial-state">${jsonForScript(view)}</script>
<script>${CHECKOUT_SCRIPT}</script>
</body>
</html>`;
}

export function renderNotFoundPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Checkout not found · QBitFlow</title><style>${CHECKOUT_STYLES}</style></head>
<body><header class="topbar"><div class="brand"><span class="logo" aria-hidden="true">Q</span><span>QBitFlow Checkout</span></div></header>
<main><section class="card" style="grid-column:1/-1"><h1>Checkout not found</h1><p class="description">This payment link is unknown or no longer available.</p></section></main></body></html>`;
}
