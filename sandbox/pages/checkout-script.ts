/**
 * The hosted page's browser script (plain ES5-ish JS in a string; no build step, no network
 * dependencies). Progressive enhancement of the server-rendered page: it sends the forms'
 * actions to `/checkout/{id}/actions/*` as JSON instead of navigating, and follows the page's
 * WebSocket, falling back to polling if the socket drops.
 */
export const CHECKOUT_SCRIPT = String.raw`
(function () {
  "use strict";
  var state = JSON.parse(document.getElementById("initial-state").textContent);
  var base = "/checkout/" + encodeURIComponent(state.uuid);
  var $ = function (id) { return document.getElementById(id); };
  var busy = false, cancelled = !!state.cancelled, redirecting = false, pollTimer = null, lastLive = "";
  var usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

  function announce(text) { if (text !== lastLive) { lastLive = text; $("live").textContent = text; } }
  function show(id, on) { $(id).hidden = !on; }
  function showError(text) { $("error").textContent = text || ""; show("error", !!text); }

  // The server rendered the page (it works without JavaScript); the script only wires it up.
  function fillStatic() {
    $("currency").addEventListener("change", updateQuote);
    updateQuote();
  }

  function updateQuote() {
    var id = Number($("currency").value);
    var c = state.currencies.filter(function (x) { return x.id === id; })[0];
    $("quote").textContent = c ? "You pay " + c.quote + " plus the network fee" : "";
  }

  function remainingMs() { return Date.parse(state.expiresAt) - Date.now(); }

  function tick() {
    var ms = Math.max(0, remainingMs());
    var s = Math.ceil(ms / 1000);
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    $("countdown").textContent = (h > 0 ? h + ":" + pad(m) : pad(m)) + ":" + pad(sec);
    $("timer").className = "timer" + (s <= 60 ? " low" : "");
    $("countdown").setAttribute("aria-label", m + " minutes " + sec + " seconds left");
  }

  function render() {
    if (cancelled) {
      ["open-view", "waiting-view", "done-view", "expired-view"].forEach(function (id) { show(id, false); });
      show("cancelled-view", true);
      return;
    }
    var st = state.status;
    show("open-view", st === "created");
    show("waiting-view", st === "waitingConfirmation");
    show("done-view", st === "completed");
    show("expired-view", st === "expired");
    var disabled = busy || st !== "created";
    $("pay").disabled = disabled; $("fail").disabled = disabled; $("cancel").disabled = busy;
    var la = state.lastAttempt;
    show("last-attempt", !!la && st === "created");
    if (la) $("last-attempt").textContent = "Your last attempt failed (" + la.code + "): " + la.message + " You can try again.";
    if (st === "created") announce(la ? "Last attempt failed: " + la.code : "Waiting for payment");
    if (st === "waitingConfirmation") {
      $("waiting-detail").textContent = "Paying with " + (state.payingWith || "crypto") + ". This usually takes a few seconds.";
      $("tx-hash").textContent = state.txHash ? "Transaction " + state.txHash : "";
      if (state.explorerUrl) $("explorer").href = state.explorerUrl;
      show("explorer", !!state.explorerUrl);
      announce("Transaction sent, waiting for confirmation");
    }
    if (st === "completed") {
      announce("Payment received");
      if (state.successRedirect) {
        $("done-detail").textContent = "Returning you to " + state.organizationName + "…";
        $("continue").href = state.successRedirect;
        show("continue", true);
        if (!redirecting) {
          redirecting = true;
          setTimeout(function () { window.location.assign(state.successRedirect); }, 1200);
        }
      } else {
        $("done-detail").textContent = "You can close this window.";
      }
    }
    if (st === "expired") {
      $("expired-detail").textContent = state.message || "The time to pay ran out.";
      announce("This checkout has expired");
    }
    tick();
  }

  function apply(next) { state = next; render(); }

  function act(action, body) {
    busy = true; showError(""); render();
    return fetch(base + "/actions/" + action, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body || {})
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) throw new Error(j.error || "Something went wrong");
        return j;
      });
    }).then(function (j) {
      if (j.session) apply(j.session);
      return j;
    }, function (e) { showError(e.message); return null; })
      .then(function (j) { busy = false; render(); return j; });
  }

  // The buttons submit forms for browsers without JavaScript; here their clicks do the work.
  Array.prototype.forEach.call(document.forms, function (form) {
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  });
  $("pay").addEventListener("click", function () { act("pay", { currencyId: Number($("currency").value) }); });
  $("fail").addEventListener("click", function () {
    act("fail", { code: $("failure-code").value, currencyId: Number($("currency").value) });
  });
  $("cancel").addEventListener("click", function () {
    act("cancel").then(function (j) {
      if (!j) return;
      if (j.redirectUrl) window.location.assign(j.redirectUrl);
      else { cancelled = true; render(); }
    });
  });

  function poll() {
    fetch(base + "/session").then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) { if (s) apply(s); }, function () {});
  }

  function connect() {
    var ws;
    try { ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + base + "/ws"); }
    catch (e) { if (!pollTimer) pollTimer = setInterval(poll, 2000); return; }
    ws.onopen = function () { if (pollTimer) { clearInterval(pollTimer); pollTimer = null; } };
    ws.onmessage = function (m) {
      try { var msg = JSON.parse(m.data); if (msg.type === "session") apply(msg.session); } catch (e) {}
    };
    ws.onclose = function () {
      if (!pollTimer) pollTimer = setInterval(poll, 2000);
      setTimeout(connect, 3000);
    };
  }

  fillStatic();
  render();
  setInterval(function () { if (state.status === "created") tick(); }, 1000);
  connect();
})();
`;
