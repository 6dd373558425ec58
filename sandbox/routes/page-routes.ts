/** The hosted checkout page, its customer actions, and the dashboard. */
import { z } from "zod";
import { normalizeTxId } from "../checkout/session-create";
import { pageView, substitutePlaceholders } from "../checkout/views";
import type { SandboxContext } from "../context";
import { sendJson, validationFailed } from "../http/errors";
import { controlRoute } from "../http/handlers";
import type { Router } from "../http/router";
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

  router.add("GET", "/checkout/:id", ({ res, params }) => {
    const session = store.state.sessions[normalizeTxId(params.id ?? "")];
    if (!session) {
      res.writeHead(404, PAGE_HEADERS).end(renderNotFoundPage());
      return;
    }
    lifecycle.markOpened(session);
    res.writeHead(200, PAGE_HEADERS).end(renderCheckoutPage(pageView(session, config.organizationName)));
  });

  router.add(
    "GET",
    "/checkout/:id/session",
    controlRoute((route) => ({ status: 200, body: view(route.params.id ?? "") })),
  );

  // Stand-ins for the customer's wallet; unauthenticated like the real hosted page.
  router.add(
    "POST",
    "/checkout/:id/actions/pay",
    controlRoute((route, body) => {
      const parsed = payBody.safeParse(body);
      if (!parsed.success)
        throw validationFailed([{ field: "currencyId", message: "must be a currency id" }]);
      const id = route.params.id ?? "";
      lifecycle.pay(lifecycle.get(id), parsed.data);
      return { status: 200, body: { session: view(id) } };
    }),
  );

  router.add(
    "POST",
    "/checkout/:id/actions/fail",
    controlRoute((route, body) => {
      const parsed = failBody.safeParse(body);
      if (!parsed.success) throw validationFailed([{ field: "code", message: "is required" }]);
      const id = route.params.id ?? "";
      lifecycle.fail(lifecycle.get(id), parsed.data.code);
      return { status: 200, body: { session: view(id) } };
    }),
  );

  // v2 has no "cancelled" status: the session stays open until it expires (spec §3.1).
  router.add(
    "POST",
    "/checkout/:id/actions/cancel",
    controlRoute((route) => {
      const session = lifecycle.get(route.params.id ?? "");
      const redirectUrl = session.cancelUrl ? substitutePlaceholders(session.cancelUrl, session.uuid) : null;
      return { status: 200, body: { redirectUrl, session: view(session.uuid) } };
    }),
  );
}
