/** The hosted checkout page, its customer actions, and the dashboard. */
import { z } from "zod";
import { normalizeTxId } from "../checkout/session-create";
import { pageView, substitutePlaceholders } from "../checkout/views";
import type { SandboxContext } from "../context";
import { parseJsonObject, readBody } from "../http/body";
import { type ApiError, sendJson, toApiError, validationFailed } from "../http/errors";
import { controlRoute } from "../http/handlers";
import type { Answer } from "../http/idempotency";
import type { Handler, Router } from "../http/router";
import { renderCheckoutPage, renderNotFoundPage } from "../pages/checkout-page";
import { renderDashboardPage } from "../pages/dashboard-page";
import { PAGE_HEADERS } from "../pages/html";

const payBody = z.object({ currencyId: z.number().int().optional() });
const failBody = z.object({ code: z.string(), currencyId: z.number().int().optional() });

export function registerPageRoutes(router: Router, sandbox: SandboxContext): void {
  const { lifecycle, store, config } = sandbox;
  const view = (id: string) => pageView(lifecycle.get(id), config.organizationName);

  router.add("GET", "/", ({ res }) => {
    res.writeHead(200, PAGE_HEADERS).end(renderDashboardPage(config.organizationName));
  });

  router.add("GET", "/healthz", ({ res }) => sendJson(res, 200, { ok: true }));

  router.add("GET", "/checkout/:id", ({ res, params, query }) => {
    const session = store.state.sessions[normalizeTxId(params.id ?? "")];
    if (!session) {
      res.writeHead(404, PAGE_HEADERS).end(renderNotFoundPage());
      return;
    }
    lifecycle.markOpened(session);
    const cancelled = query.get("cancelled") === "1";
    res
      .writeHead(200, PAGE_HEADERS)
      .end(renderCheckoutPage(pageView(session, config.organizationName), { cancelled }));
  });

  router.add(
    "GET",
    "/checkout/:id/session",
    controlRoute((route) => ({ status: 200, body: view(route.params.id ?? "") })),
  );

  // Stand-ins for the customer's wallet; unauthenticated like the real hosted page. Each takes
  // the page's script (JSON in, JSON out) or a plain form post (303 back, or the page with the
  // reason), so the page works without JavaScript.
  const customerAction = (run: (id: string, body: Record<string, unknown>) => Answer): Handler => {
    return async (route) => {
      const raw = await readBody(route.req);
      const id = route.params.id ?? "";
      if (!isFormPost(route.req.headers["content-type"])) {
        const answer = run(id, parseJsonObject(raw));
        sendJson(route.res, answer.status, answer.body);
        return;
      }
      try {
        const { redirectUrl } = run(id, formFields(raw)).body as { redirectUrl?: string | null };
        const session = lifecycle.get(id);
        const back = `/checkout/${session.uuid}${redirectUrl === null ? "?cancelled=1" : ""}`;
        route.res.writeHead(303, { Location: redirectUrl ?? back, "Cache-Control": "no-store" }).end();
      } catch (error) {
        const refused = toApiError(error);
        const session = store.state.sessions[normalizeTxId(id)];
        if (!session) throw refused;
        const reason = refused.message + fieldDetail(refused);
        route.res
          .writeHead(refused.status, PAGE_HEADERS)
          .end(renderCheckoutPage(pageView(session, config.organizationName), { error: reason }));
      }
    };
  };

  router.add(
    "POST",
    "/checkout/:id/actions/pay",
    customerAction((id, body) => {
      const parsed = payBody.safeParse(body);
      if (!parsed.success)
        throw validationFailed([{ field: "currencyId", message: "must be a currency id" }]);
      lifecycle.pay(lifecycle.get(id), parsed.data);
      return { status: 200, body: { session: view(id) } };
    }),
  );

  router.add(
    "POST",
    "/checkout/:id/actions/fail",
    customerAction((id, body) => {
      const parsed = failBody.safeParse(body);
      if (!parsed.success) throw validationFailed([{ field: "code", message: "is required" }]);
      lifecycle.fail(lifecycle.get(id), parsed.data.code);
      return { status: 200, body: { session: view(id) } };
    }),
  );

  // v2 has no "cancelled" status: the session stays open until it expires (spec §3.1).
  router.add(
    "POST",
    "/checkout/:id/actions/cancel",
    customerAction((id) => {
      const session = lifecycle.get(id);
      const redirectUrl = session.cancelUrl ? substitutePlaceholders(session.cancelUrl, session.uuid) : null;
      return { status: 200, body: { redirectUrl, session: view(session.uuid) } };
    }),
  );
}

function isFormPost(contentType: string | undefined): boolean {
  return (contentType ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
}

/** A form's fields as the JSON actions take them: `currencyId` is a number there. */
function formFields(raw: string): Record<string, unknown> {
  const fields: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  if (typeof fields.currencyId === "string") fields.currencyId = Number(fields.currencyId);
  return fields;
}

function fieldDetail(error: ApiError): string {
  const errors = error.details.errors as { field: string; message: string }[] | undefined;
  return errors?.length ? `: ${errors.map((item) => `${item.field} ${item.message}`).join(", ")}` : "";
}
