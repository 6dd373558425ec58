-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "lastReceivedAt" TIMESTAMP(3),
ADD COLUMN     "repeatCount" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "sourceAddress" TEXT;

-- CreateIndex
CREATE INDEX "WebhookDelivery_sourceAddress_errorCode_receivedAt_idx" ON "WebhookDelivery"("sourceAddress", "errorCode", "receivedAt");
