/** Styles of the hosted checkout page (inline: the page loads nothing from the internet). */
export const CHECKOUT_STYLES = `
:root{--bg:#f4f5f8;--card:#fff;--ink:#111827;--muted:#6b7280;--line:#e5e7eb;--accent:#4f46e5;--accent-ink:#fff;--ok:#047857;--ok-bg:#ecfdf5;--warn:#b45309;--warn-bg:#fffbeb;--bad:#b91c1c;--bad-bg:#fef2f2;--radius:14px;color-scheme:light}
*{box-sizing:border-box}
html,body{margin:0;padding:0}
body{font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;background:var(--bg);color:var(--ink);line-height:1.5;min-height:100vh}
.topbar{display:flex;align-items:center;justify-content:space-between;max-width:960px;margin:0 auto;padding:20px 24px}
.brand{display:flex;align-items:center;gap:10px;font-weight:650;letter-spacing:-.01em}
.logo{width:28px;height:28px;border-radius:8px;background:linear-gradient(135deg,#4f46e5,#06b6d4);display:grid;place-items:center;color:#fff;font-size:14px;font-weight:800}
.badge{font-size:12px;font-weight:600;padding:3px 10px;border-radius:999px;background:var(--warn-bg);color:var(--warn);border:1px solid #fcd34d}
main{max-width:960px;margin:0 auto;padding:0 24px 48px;display:grid;grid-template-columns:1fr 1fr;gap:24px}
@media (max-width:760px){main{grid-template-columns:1fr}}
.card{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:28px;box-shadow:0 1px 2px rgba(16,24,40,.04),0 8px 24px rgba(16,24,40,.06)}
.merchant{color:var(--muted);font-size:14px;margin:0 0 6px}
h1{font-size:22px;line-height:1.3;margin:0 0 8px;letter-spacing:-.01em}
.description{color:var(--muted);margin:0 0 20px;white-space:pre-line}
.amount{font-size:40px;font-weight:700;letter-spacing:-.02em;margin:4px 0 16px;font-variant-numeric:tabular-nums}
.lines{list-style:none;padding:0;margin:0 0 8px;border-top:1px solid var(--line)}
.lines li{display:flex;justify-content:space-between;padding:10px 0;border-bottom:1px solid var(--line);font-size:14px}
.lines li.total{font-weight:650}
.ref{font-size:12px;color:var(--muted);margin-top:16px;word-break:break-all}
h2{font-size:16px;margin:0 0 16px}
label{display:block;font-size:14px;font-weight:600;margin:0 0 6px}
select{width:100%;font:inherit;padding:10px 12px;border:1px solid #d1d5db;border-radius:10px;background:#fff;color:inherit}
.quote{font-size:14px;color:var(--muted);margin:8px 0 18px;font-variant-numeric:tabular-nums}
.timer{display:flex;align-items:center;justify-content:space-between;font-size:14px;padding:10px 12px;border-radius:10px;background:#f9fafb;border:1px solid var(--line);margin-bottom:18px}
.timer strong{font-variant-numeric:tabular-nums;font-size:16px}
.timer.low strong{color:var(--bad)}
.wallet{border:1px dashed #c7d2fe;background:#f8f9ff;border-radius:12px;padding:16px;margin-top:4px}
.wallet-title{font-size:13px;font-weight:650;color:#4338ca;margin:0 0 4px}
.wallet-note{font-size:13px;color:var(--muted);margin:0 0 14px}
.row{display:flex;gap:10px;align-items:flex-end;flex-wrap:wrap}
.row>div{flex:1 1 160px}
button{font:inherit;font-weight:650;border-radius:10px;padding:11px 18px;border:1px solid transparent;cursor:pointer;transition:background .15s,box-shadow .15s}
button:disabled{opacity:.55;cursor:not-allowed}
button.primary{width:100%;background:var(--accent);color:var(--accent-ink);font-size:16px;padding:13px 18px;margin-bottom:14px}
button.primary:hover:not(:disabled){background:#4338ca}
button.secondary{background:#fff;border-color:#d1d5db;color:var(--ink)}
button.secondary:hover:not(:disabled){background:#f3f4f6}
button.link{background:none;border:none;color:var(--muted);padding:8px 0;font-weight:500;text-decoration:underline}
:focus-visible{outline:3px solid #a5b4fc;outline-offset:2px}
.notice{border-radius:10px;padding:12px 14px;font-size:14px;margin:0 0 16px}
.notice.error{background:var(--bad-bg);color:var(--bad);border:1px solid #fecaca}
.notice.info{background:#eff6ff;color:#1d4ed8;border:1px solid #bfdbfe}
.state{text-align:center;padding:8px 0 4px}
.state .icon{width:56px;height:56px;border-radius:50%;display:grid;place-items:center;margin:0 auto 12px;font-size:28px}
.state.ok .icon{background:var(--ok-bg);color:var(--ok)}
.state.expired .icon{background:#f3f4f6;color:var(--muted)}
.spinner{width:44px;height:44px;border-radius:50%;border:4px solid #e0e7ff;border-top-color:var(--accent);margin:4px auto 14px;animation:spin 1s linear infinite}
@keyframes spin{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.spinner{animation:none}}
.hash{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;word-break:break-all;color:var(--muted)}
a{color:var(--accent)}
[hidden]{display:none!important}
.footer{grid-column:1/-1;text-align:center;color:var(--muted);font-size:12px}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);border:0}
`;
