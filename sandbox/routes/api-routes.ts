/** `/v2` routes for the key, checkout sessions and payments (spec §1.2, §2, §3.4). */
import { createSession, normalizeTxId } from "../checkout/session-create";
import { paymentApiView } from "../checkout/payment";
import { statusView } from "../checkout/views";
import type { SandboxContext } from "../context";
import { notFound } from "../http/errors";
import { paymentRefundFields } from "../refunds/views";
import { apiRoute } from "../http/handlers";
import type { Router } from "../http/router";
import type { Mode } from "../types";

// Fixed ids so `GET /me` is stable across restarts (sandbox-defined).
const SPACE_UUIDS: Record<Mode, string> = {
  test: "00000000-0000-4000-8000-00000000a001",
  live: "00000000-0000-4000-8000-00000000a002",
};
const ORGANIZATION_UUID = "00000000-0000-4000-8000-00000000a000";

export function registerApiRoutes(router: Router, sandbox: SandboxContext): void {
  const { lifecycle, store, config } = sandbox;

  router.add(
    "GET",
    "/v2/me",
    apiRoute(sandbox, ({ mode, apiKeyUuid }) => ({
      status: 200,
      body: {
        credential: "apiKey",
        apiKeyUuid,
        role: "admin",
        space: {
          uuid: SPACE_UUIDS[mode],
          organizationUuid: ORGANIZATION_UUID,
          organizationName: config.organizationName,
          test: mode === "test",
        },
      },
    })),
  );

  router.add(
    "POST",
    "/v2/transaction/session-checkout/new/payment",
    apiRoute(
      sandbox,
      ({ body, mode }) => {
        const session = createSession(
          {
            store,
            clock: sandbox.clock,
            products: config.products,
            defaultExpiresInMinutes: config.defaultExpiresInMinutes,
          },
          body,
          mode,
        );
        lifecycle.track(session);
        return {
          status: 201,
          body: {
            link: `${config.publicUrl}/checkout/${session.uuid}`,
            uuid: session.uuid,
            expiresAt: session.expiresAt,
          },
        };
      },
      { idempotent: true },
    ),
  );

  router.add(
    "GET",
    "/v2/transaction/session-checkout/:id/status",
    apiRoute(sandbox, ({ route, mode }) => ({
      status: 200,
      body: statusView(lifecycle.get(route.params.id ?? "", mode)),
    })),
  );

  router.add(
    "POST",
    "/v2/transaction/session-checkout/:id/expire",
    apiRoute(sandbox, ({ route, mode }) => {
      const session = lifecycle.get(route.params.id ?? "", mode);
      lifecycle.expire(session);
      return { status: 200, body: statusView(session) };
    }),
  );

  router.add(
    "GET",
    "/v2/transaction/payment/reference/:reference",
    apiRoute(sandbox, ({ route, mode }) => {
      const reference = route.params.reference ?? "";
      const payment = Object.values(store.state.payments).find(
        (p) => p.mode === mode && p.data.reference === reference,
      );
      if (!payment) throw notFound("payment");
      return {
        status: 200,
        body: paymentApiView(payment.data, paymentRefundFields(sandbox.refunds, payment)),
      };
    }),
  );

  router.add(
    "GET",
    "/v2/transaction/payment/:id",
    apiRoute(sandbox, ({ route, mode }) => {
      const payment = store.state.payments[normalizeTxId(route.params.id ?? "")];
      if (!payment || payment.mode !== mode) throw notFound("payment");
      return {
        status: 200,
        body: paymentApiView(payment.data, paymentRefundFields(sandbox.refunds, payment)),
      };
    }),
  );
}
