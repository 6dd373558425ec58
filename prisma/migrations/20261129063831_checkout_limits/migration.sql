-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "buyerAddressHash" TEXT,
ADD COLUMN     "buyerKey" TEXT,
ADD COLUMN     "checkoutKey" TEXT;

-- CreateIndex
CREATE INDEX "Order_buyerKey_status_idx" ON "Order"("buyerKey", "status");

-- CreateIndex
CREATE INDEX "Order_buyerAddressHash_status_idx" ON "Order"("buyerAddressHash", "status");

-- CreateIndex
CREATE INDEX "Order_checkoutKey_idx" ON "Order"("checkoutKey");
