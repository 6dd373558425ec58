// The emails render to HTML and plain text with what each must say, in the store's brand.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { CheckoutClosedEmail, checkoutClosedSubject } from "@/lib/mail/templates/checkout-closed-email";
import { MerchantEmail, merchantSubject } from "@/lib/mail/templates/merchant-email";
import { ReceiptEmail, receiptSubject } from "@/lib/mail/templates/receipt-email";
import {
  RefundNoticeEmail,
  refundNoticeSubject,
  RefundRequestEmail,
  refundRequestSubject,
} from "@/lib/mail/templates/refund-emails";
import { storeConfig } from "@/lib/store-config";
import type { MailOrder } from "./order-for-mail";
import { renderMail } from "./send-mail";
import { messageIdFor } from "./transport";

const order: MailOrder = {
  id: "01JABCDEFGHJKMNPQRSTVWXYZ0",
  code: "01JA-BC",
  email: "ann@example.com",
  status: "PAID",
  totalCents: 1798,
  items: [
    { name: "Field notebook", variantTitle: null, quantity: 2, unitPriceCents: 699 },
    { name: "Canvas tote", variantTitle: "M / Sand", quantity: 1, unitPriceCents: 400 },
  ],
  txHash: "0xfeedbeef",
  explorerUrl: "https://basescan.org/tx/0xfeedbeef",
  chain: "BASE",
  currencySymbol: "USDC",
  amountPaidUsd: "17.9842",
  paidAt: new Date("2026-11-29T10:00:00Z"),
  needsReview: false,
  reviewReason: null,
  refund: {
    status: "NONE",
    percent: null,
    amountUsd: null,
    reason: null,
    merchantMessage: null,
    txHash: null,
    explorerUrl: null,
  },
  orderUrl: "https://shop.example/orders/01JABCDEFGHJKMNPQRSTVWXYZ0",
  adminUrl: "https://shop.example/admin/orders/01JABCDEFGHJKMNPQRSTVWXYZ0",
  cartUrl: "https://shop.example/cart",
};

describe("the receipt", () => {
  it("lists the items and total, the amount paid, currency, chain, linked transaction and order page", async () => {
    const { html, text } = await renderMail(createElement(ReceiptEmail, { order }));
    for (const part of [
      "2 × Field notebook",
      "1 × Canvas tote (M / Sand)",
      "$13.98",
      "$17.98",
      "USDC",
      "on Base",
      "0xfeedbeef",
    ]) {
      expect(text).toContain(part);
    }
    expect(html).toContain('href="https://basescan.org/tx/0xfeedbeef"');
    expect(html).toContain(`href="${order.orderUrl}"`);
    expect(html).toContain(storeConfig.brand.color);
    expect(receiptSubject(order)).toBe(`Your receipt from ${storeConfig.name} (order 01JA-BC)`);
  });
});

describe("the checkout-closed notice", () => {
  it("says nothing was charged and links back to the cart", async () => {
    const { html, text } = await renderMail(createElement(CheckoutClosedEmail, { order, status: "EXPIRED" }));
    expect(text).toContain("expired before a payment arrived");
    expect(text).toContain("nothing was charged");
    expect(html).toContain('href="https://shop.example/cart"');
    expect(checkoutClosedSubject(order, "CANCELLED")).toContain("was cancelled");
  });
});

describe("the merchant's notice", () => {
  it("flags an order that needs review, with the reason and a link to the admin", async () => {
    const flagged = { ...order, needsReview: true, reviewReason: "under-paid by $1.00" };
    const { html, text } = await renderMail(createElement(MerchantEmail, { order: flagged, notice: "paid" }));
    expect(text).toContain("Needs review: under-paid by $1.00");
    expect(html).toContain(`href="${order.adminUrl}"`);
    expect(merchantSubject(flagged, "paid")).toBe("Needs review: order 01JA-BC");
    expect(merchantSubject(order, "paid")).toBe("Paid: order 01JA-BC, $17.98");
  });
});

describe("a template that throws", () => {
  it("is a permanent failure naming the error (the job is dead at once, the order untouched)", async () => {
    const Broken = () => {
      throw new Error("total is undefined");
    };
    await expect(renderMail(createElement(Broken))).rejects.toMatchObject({
      name: "PermanentJobError",
      message: "the template did not render: total is undefined",
    });
  });
});

describe("messageIdFor", () => {
  it("derives the Message-ID from the job's key and the sender's domain", () => {
    expect(messageIdFor("receipt:ORD1", "Shop <orders@shop.example>")).toBe("<receipt.ORD1@shop.example>");
    expect(messageIdFor("receipt:ORD1", "orders@shop.example")).toBe("<receipt.ORD1@shop.example>");
  });
});

describe("the refund emails", () => {
  const refunded: MailOrder = {
    ...order,
    refund: {
      status: "REFUNDED",
      percent: "25",
      amountUsd: "4.4960",
      reason: "arrived damaged",
      merchantMessage: "Sorry about the dent!",
      txHash: "0xrefund",
      explorerUrl: "https://basescan.org/tx/0xrefund",
    },
  };

  it("tells the customer the amount, the percent, the merchant's message and the transfer", async () => {
    const { text } = await renderMail(createElement(RefundNoticeEmail, { order: refunded }));
    for (const part of [
      "$4.50",
      "25% of your payment",
      "Sorry about the dent!",
      "0xrefund",
      order.orderUrl,
    ]) {
      expect(text).toContain(part);
    }
    expect(refundNoticeSubject(order)).toBe(`Your refund for order 01JA-BC at ${storeConfig.name} was sent`);
  });

  it("tells the merchant a customer asked, why, and where to answer it", async () => {
    const requested = { ...refunded, refund: { ...refunded.refund, status: "REQUESTED", txHash: null } };
    const { text } = await renderMail(
      createElement(RefundRequestEmail, { order: requested, dashboardUrl: "https://qbitflow.app" }),
    );
    for (const part of [
      "ann@example.com",
      "25%",
      "arrived damaged",
      "https://qbitflow.app",
      order.adminUrl,
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toMatch(/No money moves until you answer it/);
    expect(refundRequestSubject(order)).toBe("Refund requested: order 01JA-BC");
  });
});
