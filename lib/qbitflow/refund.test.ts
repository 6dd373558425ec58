// The Refund and RefundSummary as QBitFlow sends them (spec §12; the sandbox's answers have the
// same shape), decoded to our types; and the initiate body we send.
import { describe, expect, it } from "vitest";
import { paymentReadSchema } from "./payment";
import {
  initiateRefundBody,
  isRefundPercent,
  refundPageSchema,
  refundSchema,
  refundSummarySchema,
} from "./refund";
import { parseWebhookEvent } from "./webhook-event";

const REFUND = {
  uuid: "refund@01a0f9aa-0000-7000-8000-000000000001",
  txUuid: "pay@01a0f22f-9600-7000-8000-000000000008",
  reason: "Arrived damaged",
  status: "approved",
  createdAt: "2026-11-29T10:00:00Z",
  respondedAt: "2026-11-29T10:05:00.123456+01:00",
  merchantMessage: "Sorry about that",
  test: true,
  userUuid: null,
  txHash: "0xrefundhash",
  chain: "BASE",
  explorerUrl: "https://sepolia.basescan.org/tx/0xrefundhash",
  initiatedBy: "merchant",
  held: false,
  paidMinUnits: "4504200",
  paidUsd: 4.5042,
  refundPercent: 33.33,
  amountMinUnits: "1501249",
  amountUsd: 1.501249,
  currencyId: 8,
  metadata: { networkFees: { amount: "10" } },
  approval: null,
  productName: "Field notebook",
  customer: null,
};

const DECODED = {
  id: REFUND.uuid,
  txUuid: REFUND.txUuid,
  status: "approved",
  initiatedBy: "merchant",
  reason: "Arrived damaged",
  merchantMessage: "Sorry about that",
  refundPercent: 33.33,
  amountUsd: 1.501249,
  txHash: "0xrefundhash",
  explorerUrl: "https://sepolia.basescan.org/tx/0xrefundhash",
  createdAt: new Date("2026-11-29T10:00:00Z"),
  respondedAt: new Date("2026-11-29T09:05:00.123Z"),
};

describe("the Refund", () => {
  it("decodes every field the app uses and ignores the rest", () => {
    expect(refundSchema.parse(REFUND)).toEqual(DECODED);
  });

  it("reads Go's empty values (a pending refund) as absent", () => {
    const pending = {
      ...REFUND,
      status: "pending",
      respondedAt: null,
      txHash: "",
      chain: "",
      explorerUrl: "",
      merchantMessage: "",
      reason: "",
    };
    expect(refundSchema.parse(pending)).toMatchObject({
      status: "pending",
      respondedAt: null,
      txHash: null,
      explorerUrl: null,
      merchantMessage: null,
      reason: null,
    });
  });

  it("keeps an unknown status or initiator as sent", () => {
    expect(refundSchema.parse({ ...REFUND, status: "refused", initiatedBy: "support" })).toMatchObject({
      status: "refused",
      initiatedBy: "support",
    });
  });

  it("needs only its id, the payment and the status; details it only keeps never refuse it", () => {
    const minimal = { uuid: "refund@1", txUuid: "pay@1", status: "pending" };
    expect(refundSchema.parse(minimal)).toEqual({
      id: "refund@1",
      txUuid: "pay@1",
      status: "pending",
      initiatedBy: null,
      reason: null,
      merchantMessage: null,
      refundPercent: null,
      amountUsd: null,
      txHash: null,
      explorerUrl: null,
      createdAt: null,
      respondedAt: null,
    });
    const odd = { ...minimal, reason: 5, merchantMessage: {}, explorerUrl: 1, createdAt: "yesterday" };
    expect(refundSchema.parse(odd)).toMatchObject({ reason: null, merchantMessage: null, createdAt: null });
  });

  it.each([
    ["uuid", { uuid: "" }],
    ["txUuid", { txUuid: undefined }],
    ["status", { status: "" }],
    ["refundPercent", { refundPercent: "33.33" }],
    ["amountUsd", { amountUsd: "1.5" }],
    ["txHash", { txHash: 7 }],
    ["initiatedBy", { initiatedBy: 1 }],
  ])("refuses a %s of the wrong type: the wire format changed", (_field, change) => {
    expect(refundSchema.safeParse({ ...REFUND, ...change }).success).toBe(false);
  });

  it("comes in cursor pages", () => {
    expect(refundPageSchema.parse({ items: [REFUND], nextCursor: "refund@x" })).toEqual({
      items: [DECODED],
      nextCursor: "refund@x",
    });
    expect(refundPageSchema.parse({ items: null, nextCursor: null })).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(refundPageSchema.parse({})).toEqual({ items: [], nextCursor: null });
  });
});

const SUMMARY = {
  uuid: "refund@2",
  status: "pending",
  initiatedBy: "customer",
  refundPercent: 100,
  amountMinUnits: "4504200",
  amountUsd: 4.5042,
  createdAt: "2026-11-29T10:00:00Z",
  respondedAt: null,
};

describe("the RefundSummary on a payment read", () => {
  it("decodes", () => {
    expect(refundSummarySchema.parse(SUMMARY)).toEqual({
      id: "refund@2",
      status: "pending",
      initiatedBy: "customer",
      refundPercent: 100,
      amountUsd: 4.5042,
      createdAt: new Date("2026-11-29T10:00:00Z"),
      respondedAt: null,
    });
    expect(refundSummarySchema.parse({ uuid: "refund@3", status: "approved" })).toEqual({
      id: "refund@3",
      status: "approved",
      initiatedBy: null,
      refundPercent: null,
      amountUsd: null,
      createdAt: null,
      respondedAt: null,
    });
    expect(refundSummarySchema.safeParse({ uuid: "", status: "pending" }).success).toBe(false);
    expect(refundSummarySchema.safeParse({ uuid: "refund@1", status: "" }).success).toBe(false);
  });

  it("rides on the payment read with refundable and its reason", () => {
    const payment = {
      uuid: "pay@1",
      amount: 4.5,
      refund: SUMMARY,
      refundable: false,
      notRefundableReason: "refundExists",
    };
    expect(paymentReadSchema.parse(payment)).toMatchObject({
      id: "pay@1",
      amountCents: 450,
      refund: { id: "refund@2", status: "pending", initiatedBy: "customer" },
      refundable: false,
      notRefundableReason: "refundExists",
    });
    expect(
      paymentReadSchema.parse({ uuid: "pay@1", refund: null, refundable: true, notRefundableReason: null }),
    ).toMatchObject({
      refund: null,
      refundable: true,
      notRefundableReason: null,
    });
  });

  it("an absent or garbled refund part never refuses the payment itself", () => {
    expect(paymentReadSchema.parse({ uuid: "pay@1" })).toMatchObject({
      refund: null,
      refundable: null,
      notRefundableReason: null,
    });
    const garbled = { uuid: "pay@1", refund: { status: 5 }, refundable: "yes", notRefundableReason: 3 };
    expect(paymentReadSchema.parse(garbled)).toMatchObject({
      refund: null,
      refundable: null,
      notRefundableReason: null,
    });
  });
});

describe("the refund events", () => {
  const envelope = {
    id: "evt_r1",
    version: "v2",
    createdAt: "2026-11-29T10:05:00Z",
    test: true,
    userUuid: null,
  };

  it.each(["refund.requested", "refund.completed", "refund.denied"])("%s carries the Refund", (type) => {
    const parsed = parseWebhookEvent(JSON.stringify({ ...envelope, type, data: REFUND }));
    expect(parsed).toEqual({
      ok: true,
      event: {
        id: "evt_r1",
        type,
        createdAt: new Date("2026-11-29T10:05:00Z"),
        test: true,
        userUuid: null,
        data: DECODED,
      },
    });
  });

  it("a refund event whose data is not a Refund is malformed", () => {
    const parsed = parseWebhookEvent(
      JSON.stringify({ ...envelope, type: "refund.completed", data: { uuid: "refund@1" } }),
    );
    expect(parsed).toMatchObject({ ok: false, reason: "malformedData" });
    expect(parsed.ok ? "" : parsed.message).toMatch(/^refund\.completed: txUuid/);
  });
});

describe("the initiate body", () => {
  it("sends what was given, and nothing for what was not", () => {
    expect(initiateRefundBody({ txUuid: "pay@1" })).toEqual({
      txUuid: "pay@1",
      refundPercent: undefined,
      reason: undefined,
      merchantMessage: undefined,
    });
    expect(
      JSON.parse(
        JSON.stringify(
          initiateRefundBody({ txUuid: "pay@1", refundPercent: 12.5, reason: "r", merchantMessage: "m" }),
        ),
      ),
    ).toEqual({ txUuid: "pay@1", refundPercent: 12.5, reason: "r", merchantMessage: "m" });
    expect(initiateRefundBody({ txUuid: "pay@1", reason: "", merchantMessage: "" })).toMatchObject({
      reason: undefined,
      merchantMessage: undefined,
    });
  });

  it("refuses what QBitFlow would refuse", () => {
    expect(() => initiateRefundBody({ txUuid: "" })).toThrow(/txUuid must not be empty/);
    expect(() => initiateRefundBody({ txUuid: "pay@1", refundPercent: 0 })).toThrow(/refundPercent/);
    expect(() => initiateRefundBody({ txUuid: "pay@1", reason: "x".repeat(501) })).toThrow(
      /reason must be at most 500/,
    );
    expect(() => initiateRefundBody({ txUuid: "pay@1", merchantMessage: "x".repeat(501) })).toThrow(
      /merchantMessage must be at most 500/,
    );
    expect(initiateRefundBody({ txUuid: "pay@1", reason: "x".repeat(500) }).reason).toHaveLength(500);
  });

  it.each([
    [100, true],
    [0.01, true],
    [12.5, true],
    [33.33, true],
    [0, false],
    [-1, false],
    [100.01, false],
    [12.345, false],
    [1e-7, false],
    [0.001, false],
    [7, true],
    [99.99, true],
    [1000, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])("percent %s is %s", (value, valid) => {
    expect(isRefundPercent(value)).toBe(valid);
  });
});
