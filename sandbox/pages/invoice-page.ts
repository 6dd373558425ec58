/**
 * The customer's invoice page (QBitFlow's "management page", where `managementPageLink` points):
 * the payment, its refund's state, and a **Request a refund** form. Plain server-rendered HTML
 * with a form post, so it works without JavaScript; a refused request comes back with the reason.
 */
import type { InvoiceView } from "../refunds/invoice-view";
import { CHECKOUT_STYLES } from "./checkout-styles";
import { escapeHtml as e } from "./html";

export interface InvoiceExtras {
  /** Why the last request was refused (the page is answered with that status). */
  error?: string;
  /** The reason the customer typed, kept when the request was refused. */
  reason?: string;
}

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 6 });
const when = (iso: string | null) => (iso ? new Date(iso).toUTCString() : "");

export function renderInvoicePage(view: InvoiceView, extras: InvoiceExtras = {}): string {
  const org = e(view.organizationName);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Invoice · ${org} · ${e(view.productName)} · QBitFlow</title>
<style>${CHECKOUT_STYLES}</style>
</head>
<body>
<header class="topbar">
  <div class="brand"><span class="logo" aria-hidden="true">Q</span><span>QBitFlow Invoice</span></div>
  ${view.test ? '<span class="badge" title="Payments run on testnets with faucet funds">Test mode · sandbox</span>' : ""}
</header>
<main>
  <section class="card" aria-labelledby="product-name">
    <p class="merchant">${org}</p>
    <h1 id="product-name">${e(view.productName)}</h1>
    ${paymentBlock(view)}
    <p class="ref">Payment <span id="payment-id">${e(view.uuid)}</span></p>
  </section>
  <section class="card" aria-labelledby="refund-heading">
    <h2 id="refund-heading">Refund</h2>
    <div id="error" class="notice error" role="alert"${extras.error ? "" : " hidden"}>${e(extras.error ?? "")}</div>
    ${refundBlock(view, extras)}
  </section>
  <p class="footer">Local QBitFlow sandbox · no real funds move</p>
</main>
</body>
</html>`;
}

function paymentBlock(view: InvoiceView): string {
  const paid = view.payment;
  if (!paid) {
    return `<p class="description" id="not-paid">This checkout is not paid (${e(view.status)}). <a href="/checkout/${e(view.uuid)}">Open the checkout</a></p>`;
  }
  return `<div class="amount" aria-label="Amount paid">${usd.format(paid.paidUsd)}</div>
    <ul class="lines" aria-label="Payment">
      <li><span>Received by ${e(view.organizationName)}</span><span>${usd.format(paid.amountUsd)}</span></li>
      <li><span>Network fee</span><span>${usd.format(Math.max(0, paid.paidUsd - paid.amountUsd))}</span></li>
      <li><span>Paid with</span><span>${e(paid.paidWith)}</span></li>
      <li><span>Confirmed</span><span>${e(when(paid.confirmedAt))}</span></li>
    </ul>
    <p class="hash">Transaction ${e(paid.txHash)}</p>
    <p><a href="${e(paid.explorerUrl)}" target="_blank" rel="noopener noreferrer">View on explorer</a></p>`;
}

function refundBlock(view: InvoiceView, extras: InvoiceExtras): string {
  const refund = view.refund;
  if (refund) {
    const share = `${usd.format(refund.amountUsd)} (${refund.refundPercent} %)`;
    const message = refund.merchantMessage
      ? `<p class="quote">Message from ${e(view.organizationName)}: ${e(refund.merchantMessage)}</p>`
      : "";
    switch (refund.status) {
      case "pending":
        return `<p id="refund-status" class="notice info">${
          refund.initiatedBy === "customer"
            ? `You requested a refund of ${share}. ${e(view.organizationName)} has not answered yet.`
            : `${e(view.organizationName)} is refunding ${share}. The refund is on its way once they sign the transfer.`
        }</p>${message}`;
      case "approved":
        return `<p id="refund-status" class="notice info">Refunded ${share} on ${e(when(refund.respondedAt))}.</p>${message}
    <p><a href="${e(refund.explorerUrl)}" target="_blank" rel="noopener noreferrer">View the refund on the explorer</a></p>`;
      case "rejected":
        return `<p id="refund-status" class="notice error">Your refund request was denied.</p>${message}`;
    }
  }
  if (!view.payment) return `<p class="quote">A refund can be requested once the payment is complete.</p>`;
  if (!view.refundable) {
    return `<p id="refund-status" class="quote">This payment can no longer be refunded (${e(view.notRefundableReason ?? "not refundable")}).</p>`;
  }
  return `<form method="post" action="/checkout/${e(view.uuid)}/actions/request-refund">
      <label for="reason">Why do you want a refund? (optional)</label>
      <textarea id="reason" name="reason" rows="3" maxlength="500" style="width:100%;font:inherit;padding:10px 12px;border:1px solid #d1d5db;border-radius:10px;margin-bottom:14px">${e(extras.reason ?? "")}</textarea>
      <button type="submit" class="primary" id="request-refund">Request a refund</button>
    </form>
    <p class="quote">${e(view.organizationName)} reviews the request; the money goes back to the wallet you paid from.</p>`;
}
