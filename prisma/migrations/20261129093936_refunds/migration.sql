-- Refunds (issue #17): a paid order's refund state, and refund moves in the status history.
-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('NONE', 'REQUESTED', 'PENDING', 'REFUNDED', 'DENIED');

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "refundAmountUsd" DECIMAL(20,6),
ADD COLUMN     "refundEndedAt" TIMESTAMP(3),
ADD COLUMN     "refundExplorerUrl" TEXT,
ADD COLUMN     "refundInitiatedBy" TEXT,
ADD COLUMN     "refundMerchantMessage" TEXT,
ADD COLUMN     "refundPercent" DECIMAL(5,2),
ADD COLUMN     "refundReason" TEXT,
ADD COLUMN     "refundRequestedAt" TIMESTAMP(3),
ADD COLUMN     "refundRestock" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "refundRestocked" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "refundStatus" "RefundStatus" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "refundTxHash" TEXT,
ADD COLUMN     "refundUuid" TEXT;

-- AlterTable
ALTER TABLE "OrderStatusChange" ADD COLUMN     "fromRefund" "RefundStatus",
ADD COLUMN     "toRefund" "RefundStatus";

-- CreateIndex
CREATE UNIQUE INDEX "Order_refundUuid_key" ON "Order"("refundUuid");

-- CreateIndex
CREATE INDEX "Order_refundStatus_idx" ON "Order"("refundStatus");
