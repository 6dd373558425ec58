/**
 * The customer's invoice page and its **Request a refund** action (unauthenticated, like
 * QBitFlow's own page). The action takes a form post (303 back to the page, or the page with the
 * reason and the refusal's status) or JSON (`201 {refund}` or the v2 error body).
 */
import { normalizeTxId } from "../checkout/session-create";
import type { SandboxContext } from "../context";
import { parseJsonObject, readBody } from "../http/body";
import { sendJson, toApiError, type ApiError } from "../http/errors";
import type { Router } from "../http/router";
import { renderNotFoundPage } from "../pages/checkout-page";
import { PAGE_HEADERS } from "../pages/html";
import { renderInvoicePage, type InvoiceExtras } from "../pages/invoice-page";
import { invoiceView } from "../refunds/invoice-view";
import { validateCustomerRequest } from "../refunds/refund-input";
import { refundApiView } from "../refunds/views";

export function registerInvoiceRoutes(router: Router, sandbox: SandboxContext): void {
  const { store, refunds, config } = sandbox;
  const page = (uuid: string, extras?: InvoiceExtras): string | null => {
    const session = store.state.sessions[uuid];
    if (!session) return null;
    const view = invoiceView(session, store.state.payments[uuid], refunds, config.organizationName);
    return renderInvoicePage(view, extras);
  };

  router.add("GET", "/checkout/:id/invoice", ({ res, params }) => {
    const html = page(normalizeTxId(params.id ?? ""));
    if (html === null) res.writeHead(404, PAGE_HEADERS).end(renderNotFoundPage());
    else res.writeHead(200, PAGE_HEADERS).end(html);
  });

  router.add("POST", "/checkout/:id/actions/request-refund", async ({ req, res, params }) => {
    const uuid = normalizeTxId(params.id ?? "");
    const raw = await readBody(req);
    const form = (req.headers["content-type"] ?? "")
      .toLowerCase()
      .startsWith("application/x-www-form-urlencoded");
    const body: Record<string, unknown> = form
      ? Object.fromEntries(new URLSearchParams(raw))
      : parseJsonObject(raw);
    // An empty textarea is no reason, not an empty one.
    if (form && typeof body.reason === "string" && body.reason.trim() === "") delete body.reason;
    if (!form) {
      const refund = refunds.request(uuid, validateCustomerRequest(body));
      sendJson(res, 201, { refund: refundApiView(refund, store.state.payments[refund.txUuid]) });
      return;
    }
    try {
      refunds.request(uuid, validateCustomerRequest(body));
      res.writeHead(303, { Location: `/checkout/${uuid}/invoice`, "Cache-Control": "no-store" }).end();
    } catch (error) {
      const refused = toApiError(error);
      const html = page(uuid, {
        error: refused.message + fieldDetail(refused),
        reason: String(body.reason ?? ""),
      });
      if (html === null) throw refused;
      res.writeHead(refused.status, PAGE_HEADERS).end(html);
    }
  });
}

function fieldDetail(error: ApiError): string {
  const errors = error.details.errors as { field: string; message: string }[] | undefined;
  return errors?.length ? `: ${errors.map((item) => `${item.field} ${item.message}`).join(", ")}` : "";
}
