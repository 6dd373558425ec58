/**
 * A small developer dashboard at `/`: sessions, refunds (with the merchant's Sign refund / Deny,
 * which QBitFlow's own dashboard does by signing the transfer), events and delivery attempts.
 */
import { CHECKOUT_STYLES } from "./checkout-styles";
import { escapeHtml } from "./html";

const DASHBOARD_STYLES = `
main{display:block;max-width:1200px}
.card{margin-bottom:20px;padding:20px;overflow-x:auto}
table{width:100%;border-collapse:collapse;font-size:13px}
th,td{text-align:left;padding:8px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600;white-space:nowrap}
td code{font-size:12px}
.pill{display:inline-block;padding:1px 8px;border-radius:999px;font-size:12px;font-weight:600;background:#f3f4f6}
.pill.completed,.pill.delivered{background:var(--ok-bg);color:var(--ok)}
.pill.waitingConfirmation,.pill.pending{background:#eff6ff;color:#1d4ed8}
.pill.expired,.pill.failed,.pill.rejected{background:var(--bad-bg);color:var(--bad)}
.pill.approved{background:var(--ok-bg);color:var(--ok)}
button.small{padding:4px 10px;font-size:12px}
.attempts{margin:0;padding-left:16px;color:var(--muted)}
.head{display:flex;justify-content:space-between;align-items:center;gap:12px}
`;

const DASHBOARD_SCRIPT = String.raw`
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }
  function row(cells) { var tr = document.createElement("tr"); cells.forEach(function (c) { var td = document.createElement("td"); if (c instanceof Node) td.appendChild(c); else td.textContent = c == null ? "" : String(c); tr.appendChild(td); }); return tr; }
  function pill(v) { return el("span", v, "pill " + v); }
  function post(path, body) { return fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body || {}) }).then(refresh); }
  function button(label, path, body) { var b = el("button", label, "secondary small"); b.type = "button"; b.addEventListener("click", function () { b.disabled = true; post(path, body); }); return b; }
  function time(iso) { return iso ? new Date(iso).toLocaleTimeString() : ""; }

  function render(s) {
    var sessions = $("sessions"); sessions.textContent = "";
    s.sessions.slice(0, 50).forEach(function (x) {
      var link = el("a", x.uuid); link.href = "/checkout/" + encodeURIComponent(x.uuid);
      var actions = el("span");
      if (x.status === "completed") { var inv = el("a", "Invoice"); inv.href = "/checkout/" + encodeURIComponent(x.uuid) + "/invoice"; actions.appendChild(inv); }
      if (x.status === "created") { actions.appendChild(button("Complete", "/sandbox/sessions/" + encodeURIComponent(x.uuid) + "/complete")); actions.appendChild(document.createTextNode(" ")); actions.appendChild(button("Expire", "/sandbox/sessions/" + encodeURIComponent(x.uuid) + "/expire")); }
      sessions.appendChild(row([link, x.reference || "", x.productName, "$" + x.amount, pill(x.status), time(x.createdAt), time(x.expiresAt), actions]));
    });
    var refunds = $("refunds"); refunds.textContent = "";
    (s.refunds || []).slice(0, 50).forEach(function (r) {
      var actions = el("span");
      var base = "/sandbox/refunds/" + encodeURIComponent(r.uuid);
      if (r.status === "pending") { actions.appendChild(button("Sign refund", base + "/sign")); actions.appendChild(document.createTextNode(" ")); actions.appendChild(button("Deny", base + "/deny")); }
      else if (r.explorerUrl) { var tx = el("a", "Transfer"); tx.href = r.explorerUrl; tx.target = "_blank"; tx.rel = "noopener noreferrer"; actions.appendChild(tx); }
      var tr = row([el("code", r.uuid), r.reference || r.txUuid, r.initiatedBy, r.refundPercent + " %", "$" + r.amountUsd, pill(r.status), r.reason, time(r.createdAt), actions]);
      tr.setAttribute("data-refund", r.uuid);
      refunds.appendChild(tr);
    });
    var events = $("events"); events.textContent = "";
    s.events.slice(0, 50).forEach(function (e) {
      var list = el("ul", undefined, "attempts");
      e.deliveries.forEach(function (d, i) {
        var st = e.deliveryStates[i] || {};
        list.appendChild(el("li", d.url + " — " + (st.state || "") + (st.nextAttemptAt ? ", next attempt " + time(st.nextAttemptAt) : "")));
        d.attempts.forEach(function (a) {
          list.appendChild(el("li", "#" + a.attempt + " " + time(a.attemptedAt) + " → " + (a.statusCode || "no answer") + (a.error ? " (" + a.error + ")" : "") + (a.fault ? " [" + a.fault + "]" : "") + " " + a.durationMs + " ms"));
        });
      });
      events.appendChild(row([el("code", e.id), e.type, time(e.createdAt), e.test ? "test" : "live", list, button("Redeliver", "/sandbox/events/" + encodeURIComponent(e.id) + "/redeliver")]));
    });
    var endpoints = $("endpoints"); endpoints.textContent = "";
    s.endpoints.forEach(function (p) {
      var faults = Object.keys(p.faults).filter(function (k) { return p.faults[k]; }).map(function (k) { return k + "=" + p.faults[k]; }).join(", ");
      endpoints.appendChild(row([p.url, p.mode, p.disabledAt ? pill("failed") : pill("delivered"), p.disabledReason || "", faults || "none", time(p.lastDeliveredAt), button("Send webhook.test", "/sandbox/webhook-test", { endpointUuid: p.uuid })]));
    });
    $("updated").textContent = "Updated " + new Date().toLocaleTimeString();
  }
  function refresh() { return fetch("/sandbox/state").then(function (r) { return r.json(); }).then(render, function () {}); }
  refresh();
  setInterval(refresh, 2000);
})();
`;

export function renderDashboardPage(organizationName: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>QBitFlow sandbox</title><style>${CHECKOUT_STYLES}${DASHBOARD_STYLES}</style></head>
<body>
<header class="topbar"><div class="brand"><span class="logo" aria-hidden="true">Q</span><span>QBitFlow sandbox · ${escapeHtml(organizationName)}</span></div><span class="badge" id="updated" role="status">Loading…</span></header>
<main>
<section class="card" aria-labelledby="h-sessions"><h2 id="h-sessions">Checkout sessions</h2>
<table><thead><tr><th>Session</th><th>Reference</th><th>Product</th><th>Amount</th><th>Status</th><th>Created</th><th>Expires</th><th>Actions</th></tr></thead><tbody id="sessions"></tbody></table></section>
<section class="card" aria-labelledby="h-refunds"><h2 id="h-refunds">Refunds</h2>
<p class="quote">Pending refunds wait for the merchant's signature: <strong>Sign refund</strong> sends the money back (refund.completed), <strong>Deny</strong> refuses it (refund.denied).</p>
<table><thead><tr><th>Refund</th><th>Payment</th><th>Initiated by</th><th>Share</th><th>Amount</th><th>Status</th><th>Reason</th><th>Created</th><th>Actions</th></tr></thead><tbody id="refunds"></tbody></table></section>
<section class="card" aria-labelledby="h-events"><h2 id="h-events">Events and deliveries</h2>
<table><thead><tr><th>Event</th><th>Type</th><th>Created</th><th>Mode</th><th>Deliveries and attempts</th><th></th></tr></thead><tbody id="events"></tbody></table></section>
<section class="card" aria-labelledby="h-endpoints"><h2 id="h-endpoints">Webhook endpoints</h2>
<table><thead><tr><th>URL</th><th>Mode</th><th>State</th><th>Disabled reason</th><th>Faults</th><th>Last delivered</th><th></th></tr></thead><tbody id="endpoints"></tbody></table></section>
</main>
<script>${DASHBOARD_SCRIPT}</script>
</body></html>`;
}
