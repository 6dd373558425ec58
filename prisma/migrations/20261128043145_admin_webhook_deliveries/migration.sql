-- CreateEnum
CREATE TYPE "DeliveryOutcome" AS ENUM ('PROCESSED', 'DUPLICATE', 'FAILED', 'REJECTED');

-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "lastReplayedAt" TIMESTAMP(3),
ADD COLUMN     "replays" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" "DeliveryOutcome" NOT NULL,
    "signatureValid" BOOLEAN,
    "httpStatus" INTEGER NOT NULL,
    "errorCode" TEXT,
    "reason" TEXT,
    "headers" JSONB NOT NULL,
    "bodyExcerpt" TEXT,
    "eventId" TEXT,
    "eventType" TEXT,
    "webhookEventId" TEXT,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdminLoginAttempt" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AdminLoginAttempt_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "WebhookDelivery_receivedAt_idx" ON "WebhookDelivery"("receivedAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_outcome_receivedAt_idx" ON "WebhookDelivery"("outcome", "receivedAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_webhookEventId_idx" ON "WebhookDelivery"("webhookEventId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_eventId_idx" ON "WebhookDelivery"("eventId");

-- CreateIndex
CREATE INDEX "Order_paidAt_idx" ON "Order"("paidAt");

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_webhookEventId_fkey" FOREIGN KEY ("webhookEventId") REFERENCES "WebhookEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
