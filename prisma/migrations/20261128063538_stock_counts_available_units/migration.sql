-- Product.stock now counts the units that can still be sold: what open orders hold is already
-- taken out of it, so paying for an order no longer writes the product's row. Carry today's
-- holds over before the column that tracked them goes.
UPDATE "Product" SET "stock" = GREATEST("stock" - "reserved", 0) WHERE "reserved" <> 0;

-- AlterTable
ALTER TABLE "Product" DROP COLUMN "reserved";
