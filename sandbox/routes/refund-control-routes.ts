/**
 * `/sandbox/…` control routes for refunds: the merchant's signature step (QBitFlow's dashboard
 * in real life) and the customer's request (their invoice page), so tests can drive every path.
 */
import { z } from "zod";
import type { SandboxContext } from "../context";
import { validationFailed } from "../http/errors";
import { controlRoute } from "../http/handlers";
import type { Router } from "../http/router";
import { validateCustomerRequest } from "../refunds/refund-input";
import { paymentRefundFields, refundApiView } from "../refunds/views";

const denyBody = z.object({
  merchantMessage: z.string().max(500, "must be at most 500 characters").optional(),
});

export function registerRefundControlRoutes(router: Router, sandbox: SandboxContext): void {
  const { refunds, store } = sandbox;
  const answer = (uuid: string, status = 200) => {
    const refund = refunds.get(uuid);
    return { status, body: { refund: refundApiView(refund, store.state.payments[refund.txUuid]) } };
  };

  router.add(
    "GET",
    "/sandbox/refunds/:id",
    controlRoute((route) => answer(route.params.id ?? "")),
  );

  router.add(
    "POST",
    "/sandbox/refunds/:id/sign",
    controlRoute((route) => answer(refunds.sign(route.params.id ?? "").uuid)),
  );

  router.add(
    "POST",
    "/sandbox/refunds/:id/deny",
    controlRoute((route, body) => {
      const parsed = denyBody.safeParse(body);
      if (!parsed.success)
        throw validationFailed([{ field: "merchantMessage", message: "must be at most 500 characters" }]);
      return answer(refunds.deny(route.params.id ?? "", parsed.data.merchantMessage).uuid);
    }),
  );

  // The customer's request, as their invoice page sends it.
  router.add(
    "POST",
    "/sandbox/payments/:id/request-refund",
    controlRoute((route, body) =>
      answer(refunds.request(route.params.id ?? "", validateCustomerRequest(body)).uuid, 201),
    ),
  );

  // Makes a payment not refundable with `heldFundsReleased`, to exercise that answer.
  router.add(
    "POST",
    "/sandbox/payments/:id/release-held-funds",
    controlRoute((route) => {
      const payment = refunds.releaseHeldFunds(route.params.id ?? "");
      return { status: 200, body: { uuid: payment.uuid, ...paymentRefundFields(refunds, payment) } };
    }),
  );
}
