// An order as its customer may see it: on the success, cancel and order pages, and in the JSON
// status route. Plain JSON values (ISO dates), so the same object can feed a client component.
import "server-only";
import { imageSrc } from "@/lib/catalog/product-shape";
import { db } from "@/lib/db";
import type { OrderStatus, RefundStatus } from "@/lib/generated/prisma/enums";
import { isFinal } from "./order-events";
import { orderCode } from "@/lib/order-id";

export interface OrderView {
  id: string;
  code: string;
  status: OrderStatus;
  totalCents: number;
  email: string | null;
  /** The order's snapshot: the name and variant ("M / Sand", or null) as bought. */
  items: {
    name: string;
    variantTitle: string | null;
    unitPriceCents: number;
    quantity: number;
    /** The product's first picture as it is now, or null (the product may be gone). */
    imageSrc: string | null;
  }[];
  txHash: string | null;
  explorerUrl: string | null;
  chain: string | null;
  currencySymbol: string | null;
  paidAt: string | null;
  expiresAt: string | null;
  /** QBitFlow's payment page, while the order can still be paid. */
  paymentLink: string | null;
  lastAttempt: { code: string | null; message: string | null; at: string } | null;
  /** Paid, but a person must check it (amount, timing): the customer is told it is being reviewed. */
  underReview: boolean;
  /** The payment's refund, once there is one. */
  refund: RefundView | null;
  createdAt: string;
}

export interface RefundView {
  status: Exclude<RefundStatus, "NONE">;
  /** Decimal strings, as QBitFlow sent them. */
  percent: string | null;
  amountUsd: string | null;
  /** The merchant's message to the customer. */
  message: string | null;
  txHash: string | null;
  explorerUrl: string | null;
  /** When it was sent or denied. */
  endedAt: string | null;
}

export async function getOrderView(orderId: string): Promise<OrderView | null> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    include: {
      items: {
        orderBy: { id: "asc" },
        include: {
          product: {
            select: {
              images: {
                orderBy: [{ position: "asc" }, { id: "asc" }],
                take: 1,
                select: { url: true, blobHash: true },
              },
            },
          },
        },
      },
    },
  });
  if (!order) return null;
  const open = !isFinal(order.status) && (!order.expiresAt || order.expiresAt > new Date());
  return {
    id: order.id,
    code: orderCode(order.id),
    status: order.status,
    totalCents: order.totalCents,
    email: order.email,
    items: order.items.map(({ name, variantTitle, unitPriceCents, quantity, product }) => {
      const image = product?.images[0];
      return { name, variantTitle, unitPriceCents, quantity, imageSrc: image ? imageSrc(image) : null };
    }),
    txHash: order.txHash,
    explorerUrl: order.explorerUrl,
    chain: order.chain,
    currencySymbol: order.currencySymbol,
    paidAt: order.paidAt?.toISOString() ?? null,
    expiresAt: order.expiresAt?.toISOString() ?? null,
    paymentLink: open && order.status === "PENDING" ? order.checkoutLink : null,
    lastAttempt:
      order.lastAttemptAt && order.status === "PENDING"
        ? {
            code: order.lastAttemptCode,
            message: order.lastAttemptMessage,
            at: order.lastAttemptAt.toISOString(),
          }
        : null,
    underReview: order.status === "PAID" && order.needsReview && !order.reviewedAt,
    refund:
      order.refundStatus === "NONE"
        ? null
        : {
            status: order.refundStatus,
            percent: order.refundPercent?.toString() ?? null,
            amountUsd: order.refundAmountUsd?.toString() ?? null,
            message: order.refundMerchantMessage,
            txHash: order.refundTxHash,
            explorerUrl: order.refundExplorerUrl,
            endedAt: order.refundEndedAt?.toISOString() ?? null,
          },
    createdAt: order.createdAt.toISOString(),
  };
}
