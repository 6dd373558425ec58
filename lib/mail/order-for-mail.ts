// What an email says about an order, read through Prisma (lib/mail never goes through the order
// store: it only reads). Amounts stay exact: cents as integers, the paid amount as a string.
import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { orderCode } from "@/lib/order-id";

export interface MailOrder {
  id: string;
  code: string;
  email: string | null;
  status: string;
  totalCents: number;
  items: { name: string; variantTitle: string | null; quantity: number; unitPriceCents: number }[];
  txHash: string | null;
  explorerUrl: string | null;
  chain: string | null;
  currencySymbol: string | null;
  amountPaidUsd: string | null;
  paidAt: Date | null;
  needsReview: boolean;
  reviewReason: string | null;
  /** The payment's refund ("NONE" when there is none); percent and amount as decimal strings. */
  refund: {
    status: string;
    percent: string | null;
    amountUsd: string | null;
    reason: string | null;
    merchantMessage: string | null;
    txHash: string | null;
    explorerUrl: string | null;
  };
  /** The customer's order page, and the merchant's admin page for it. */
  orderUrl: string;
  adminUrl: string;
  cartUrl: string;
}

/** The order as the templates need it; null when it no longer exists. */
export async function orderForMail(orderId: string): Promise<MailOrder | null> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    include: {
      items: {
        orderBy: [{ name: "asc" }, { variantTitle: "asc" }],
        select: { name: true, variantTitle: true, quantity: true, unitPriceCents: true },
      },
    },
  });
  if (!order) return null;
  const appUrl = getEnv().APP_URL;
  return {
    id: order.id,
    code: orderCode(order.id),
    email: order.email,
    status: order.status,
    totalCents: order.totalCents,
    items: order.items,
    txHash: order.txHash,
    explorerUrl: order.explorerUrl,
    chain: order.chain,
    currencySymbol: order.currencySymbol,
    amountPaidUsd: order.amountPaidUsd?.toString() ?? null,
    paidAt: order.paidAt,
    needsReview: order.needsReview,
    reviewReason: order.reviewReason,
    refund: {
      status: order.refundStatus,
      percent: order.refundPercent?.toString() ?? null,
      amountUsd: order.refundAmountUsd?.toString() ?? null,
      reason: order.refundReason,
      merchantMessage: order.refundMerchantMessage,
      txHash: order.refundTxHash,
      explorerUrl: order.refundExplorerUrl,
    },
    orderUrl: `${appUrl}/orders/${order.id}`,
    adminUrl: `${appUrl}/admin/orders/${order.id}`,
    cartUrl: `${appUrl}/cart`,
  };
}
