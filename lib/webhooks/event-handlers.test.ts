import { describe, expect, it } from "vitest";
import { parseWebhookEvent, type WebhookEvent } from "@/lib/qbitflow/webhook-event";
import { orderNewsIn } from "./event-handlers";

const envelope = { id: "evt_1", version: "v2", createdAt: "2026-11-28T12:00:00Z", test: true };
function event(type: string, data: unknown): WebhookEvent {
  const result = parseWebhookEvent(JSON.stringify({ ...envelope, type, data }));
  if (!result.ok) throw new Error(result.message);
  return result.event;
}

describe("orderNewsIn", () => {
  it("payment.completed names the order by reference and session, and says it is paid", () => {
    const news = orderNewsIn(
      event("payment.completed", { uuid: "pay@1", reference: "ORDER1", amount: 3.99, test: true }),
    );
    expect(news).toEqual({
      names: { reference: "ORDER1", sessionId: "pay@1" },
      event: expect.objectContaining({ type: "payment_completed", sessionId: "pay@1", amountCents: 399 }),
    });
  });

  it("checkout.expired names the order and says it expired unpaid", () => {
    expect(orderNewsIn(event("checkout.expired", { uuid: "pay@2", reference: null, test: true }))).toEqual({
      names: { reference: null, sessionId: "pay@2" },
      event: { type: "session_expired", message: "checkout expired unpaid" },
    });
  });

  it.each([
    ["refund.requested", "pending", "refund_opened"],
    ["refund.completed", "approved", "refund_completed"],
    ["refund.denied", "rejected", "refund_denied"],
  ])(
    "%s names the order by the refunded payment (its session id) and says what happened",
    (type, status, ours) => {
      const refund = {
        uuid: "refund@1",
        txUuid: "pay@3",
        status,
        initiatedBy: "customer",
        refundPercent: 50,
      };
      expect(orderNewsIn(event(type, refund))).toEqual({
        names: { reference: null, sessionId: "pay@3" },
        event: expect.objectContaining({
          type: ours,
          refundId: "refund@1",
          initiatedBy: "customer",
          percent: "50",
        }),
      });
    },
  );

  it.each([
    ["webhook.test", {}],
    ["subscription.created", { uuid: "sub@1", reference: "ORDER1" }],
  ])("%s concerns no order", (type, data) => {
    expect(orderNewsIn(event(type, data))).toBeNull();
  });
});
